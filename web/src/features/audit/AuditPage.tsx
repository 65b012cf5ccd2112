/**
 * The auditor's page: the audit trail of one subject (a petition, an account …) or of a unit,
 * newest first, and for one subject whether its hash chain is intact, checked by the server
 * when the page asks.
 */
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { Alert, Empty, Loading, MoreButton, PageTitle, UnitPicker, useAsync, usePages } from '../../app/ui.tsx';
import { DataTable, SelectField, TextField, type Column, Form } from '../../app/components.tsx';
import type { AuditEventView as AuditEvent, ChainVerificationView as Verification } from '../../../../server/modules/audit/audit.schema.ts';

const subjectTypes = ['petition', 'account', 'unit', 'agency', 'service_point', 'deadline_policy'] as const;

function ChainState({ subject }: { subject: string }) {
  const { t, number, date } = useI18n();
  const state = useAsync(() => api.get<Verification>('/audit/verification', { subject }), [subject]);
  if (state.loading) return <Loading />;
  if (state.error) return <Alert>{state.error}</Alert>;
  const v = state.value!;
  return (
    <section aria-labelledby="chain-heading" class={`chain-state ${v.ok ? 'chain-ok' : 'chain-bad'}`}>
      <h2 id="chain-heading">{t('audit.chain')}</h2>
      {v.ok ? (
        <p class="alert alert-success" role="status">
          {t('audit.chainOk', { count: v.events, events: number(v.events) })}
        </p>
      ) : (
        <div class="alert alert-error" role="alert">
          <p>{t('audit.chainBroken', { id: v.firstBad?.id ?? '—' })}</p>
          <p class="small">{v.firstBad?.reason}</p>
        </div>
      )}
      <dl class="facts">
        <div class="fact">
          <dt>{t('audit.sealedBy')}</dt>
          <dd>{v.sealedBy === null ? t('audit.notSealed') : `#${v.sealedBy}`}</dd>
        </div>
        <div class="fact">
          <dt>{t('audit.unsealed')}</dt>
          <dd>{number(v.unsealed)}</dd>
        </div>
        {v.latestCheckpoint ? (
          <div class="fact">
            <dt>{t('audit.latestCheckpoint')}</dt>
            <dd>
              #{v.latestCheckpoint.id} · {date(v.latestCheckpoint.createdAt, true)}
              <br />
              <code class="hash">{v.latestCheckpoint.hash}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      <p class="hint">{t('audit.checkpointHint')}</p>
    </section>
  );
}

function Changes({ changes }: { changes: Record<string, unknown> }) {
  const entries = Object.entries(changes);
  if (!entries.length) return <span class="muted">—</span>;
  return (
    <dl class="changes">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Trail({ query }: { query: Record<string, string> }) {
  const { t, date } = useI18n();
  const trail = usePages<AuditEvent>('/audit', { ...query, limit: 50 }, [JSON.stringify(query)]);
  if (trail.loading && !trail.items) return <Loading />;
  if (trail.error) return <Alert>{trail.error}</Alert>;
  const items = trail.items ?? [];
  if (!items.length) return <Empty>{t('audit.none')}</Empty>;
  const columns: Column<AuditEvent>[] = [
    {
      header: t('audit.at'),
      cell: (e) => (
        <>
          <time dateTime={e.at}>{date(e.at, true)}</time>
          <div class="muted small">#{e.id}</div>
        </>
      ),
    },
    { header: t('audit.actor'), cell: (e) => e.actor.label },
    { header: t('audit.action'), cell: (e) => <code>{e.action}</code> },
    {
      header: t('audit.subject'),
      cell: (e) => (
        <>
          <a href={`/staff/audit?subject=${encodeURIComponent(`${e.subject.type}:${e.subject.id}`)}`}>
            {e.subject.type}:{e.subject.id}
          </a>
          {e.unit ? (
            <div class="muted small">
              <a href={`/staff/audit?unit=${encodeURIComponent(e.unit.code)}`}>{e.unit.name}</a>
            </div>
          ) : null}
        </>
      ),
    },
    { header: t('audit.changes'), cell: (e) => <Changes changes={e.changes} /> },
  ];
  return (
    <>
      <DataTable class="list-table audit-table" caption={t('audit.trail')} columns={columns} rows={items} rowKey={(e) => e.id} />
      <MoreButton pages={trail} />
    </>
  );
}

export default function AuditPage({ query }: PageProps) {
  const { t } = useI18n();
  const subject = query.get('subject') ?? '';
  const unitCode = query.get('unit') ?? '';
  const [type, setType] = useState(subject.split(':')[0] || 'petition');
  const [id, setId] = useState(subject.includes(':') ? subject.slice(subject.indexOf(':') + 1) : '');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <p>{t('audit.lead')}</p>
      <Form
        class="form filter-form"
        onSend={() => {
          if (!id.trim() && !unit) return setError(t('audit.errors.what'));
          setError(null);
          const params = new URLSearchParams();
          if (id.trim()) params.set('subject', `${type}:${id.trim()}`);
          else if (unit) params.set('unit', unit.code);
          navigate(`/staff/audit?${params.toString()}`);
        }}
      >
        <Alert>{error}</Alert>
        <div class="row">
          <SelectField label={t('audit.subjectType')} value={type} options={subjectTypes.map((s) => ({ value: s, label: t(`audit.type.${s}`) }))} onChange={setType} />
          <TextField label={t('audit.subjectId')} hint={t('audit.subjectIdHint')} value={id} onInput={setId} />
        </div>
        <UnitPicker label={t('audit.orUnit')} value={unit} onChange={setUnit} />
        <div class="button-row">
          <button type="submit" class="button primary">
            {t('audit.show')}
          </button>
        </div>
      </Form>
      {subject ? (
        <>
          <ChainState subject={subject} />
          <h2>{t('audit.trailOf', { subject })}</h2>
          <Trail query={{ subject }} />
        </>
      ) : unitCode ? (
        <>
          <h2>{t('audit.trailOfUnit', { unit: unitCode })}</h2>
          <Trail query={{ unit: unitCode }} />
        </>
      ) : null}
    </>
  );
}

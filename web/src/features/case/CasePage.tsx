import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../../app/api.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import type { Petition } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Loading, NotLoaded, PageTitle, StatusBadge, useAsync } from '../../app/ui.tsx';
import { Timeline } from '../track/TrackPage.tsx';
import { hasRole, useSession } from '../../app/session.ts';
import { ActionForm, actionOrder } from './actions.tsx';
import { PlaceMap } from '../../app/map/PlaceMap.tsx';
import { MergeCandidates } from './MergeCandidates.tsx';
import { RoutingSuggestion } from './RoutingSuggestion.tsx';
import { ConductFinding } from './ConductFinding.tsx';
import type { ActionType } from '../../../../server/contract/domain.ts';
import type { HandedOver } from '../../../../server/modules/petitions/petitions.schema.ts';
import { auditReaders } from '../../../../server/contract/roleSets.ts';

/** Those who may take one of these actions route the case: only they are offered the routing suggestion. */
const routingActions: readonly ActionType[] = ['accept', 'assign', 'transfer', 'merge', 'escalate'];

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children ?? '—'}</dd>
    </div>
  );
}

export default function CasePage({ params }: PageProps) {
  const { t, date, locale } = useI18n();
  const { me } = useSession();
  const petition = useAsync(() => api.get<Petition>(`/petitions/${encodeURIComponent(params.id)}`), [params.id]);
  const [open, setOpen] = useState<ActionType | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // After an escalation or a transfer out of the caller's units the case is no longer theirs to see.
  const [handedOver, setHandedOver] = useState<HandedOver | null>(null);

  if (handedOver) {
    return (
      <>
        <PageTitle>{t('case.title')}</PageTitle>
        <Alert kind="success">{done}</Alert>
        <p class="handed-over">{handedOver.message}</p>
        <p>
          <a href="/staff">{t('case.back')}</a>
        </p>
      </>
    );
  }

  if (petition.loading && !petition.value) return <Loading />;
  if (petition.error || !petition.value) {
    return <NotLoaded title={t('case.title')} error={petition.error} back="/staff" backLabel={t('case.back')} />;
  }
  const p = petition.value;
  const abilities = new Set(p.abilities ?? []);
  const allowed = actionOrder.filter((a) => abilities.has(a));
  const answer = p.answer?.text;
  const clear = p.clearItems;
  const fiveClear: Array<[string, string | null | undefined]> = [
    ['case.content', clear?.content],
    ['case.handler', clear?.handler?.name],
    ['case.leader', clear?.leader?.name],
    ['case.due', clear?.dueAt ? date(clear.dueAt, true) : null],
    ['case.expectedResult', clear?.expectedResult],
  ];

  return (
    <>
      <p>
        <a href="/staff">← {t('case.back')}</a>
        {hasRole(me, auditReaders) ? (
          <>
            {' · '}
            <a href={`/staff/audit?subject=${encodeURIComponent(`petition:${p.id}`)}`}>{t('audit.ofPetition')}</a>
          </>
        ) : null}
      </p>
      <PageTitle>
        {t('case.title')} <span class="code">{p.trackingCode}</span>
      </PageTitle>
      <p class="case-status">
        <StatusBadge status={p.status} /> {p.urgent ? <span class="badge badge-urgent">{t('case.urgent')}</span> : null}{' '}
        <span class="muted">
          {t(`kind.${p.kind}`)} · {tOr(`channel.${p.channel}`, p.channel ?? '')} · {unitName(p.unit, locale)}
        </span>
      </p>
      {done ? <Alert kind="success">{done}</Alert> : null}
      <div class="case-layout">
        <div class="case-main">
          <section aria-labelledby="content-heading">
            <h2 id="content-heading">{p.title || t('case.content')}</h2>
            <p class="petition-body">{p.body}</p>
            {p.location?.address || p.location?.lat ? (
              <p class="muted">
                {t('raise.place')}: {p.location.address}
                {p.location.lat !== null && p.location.lng !== null ? ` (${p.location.lat.toFixed(5)}, ${p.location.lng.toFixed(5)})` : ''}
              </p>
            ) : null}
            {p.location && p.location.lat !== null && p.location.lng !== null ? (
              <PlaceMap label={t('case.mapLabel')} place={{ lat: p.location.lat, lng: p.location.lng }} />
            ) : null}
            {p.attachments?.length ? (
              <ul class="attachments">
                {p.attachments.map((a) => {
                  const href = `/api/v1/petitions/${p.id}/attachments/${a.id}`;
                  return (
                    <li key={a.id}>
                      <a href={href} target="_blank" rel="noopener">
                        {a.contentType.startsWith('image/') ? <img class="thumbnail" src={href} alt={a.filename || t('case.attachment')} loading="lazy" /> : null}
                        <span>{a.filename || t('case.attachment')}</span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </section>
          <section aria-labelledby="five-heading" class="five-clear">
            <h2 id="five-heading">{t('case.fiveClearHeading')}</h2>
            <dl class="facts">
              {fiveClear.map(([label, value]) => (
                <Fact key={label} label={t(label)}>
                  {value || <span class="muted">{t('case.notYet')}</span>}
                </Fact>
              ))}
              {p.agency ? <Fact label={t('case.agency')}>{p.agency.name}</Fact> : null}
            </dl>
          </section>
          {answer ? (
            <section aria-labelledby="answer-heading" class="answer">
              <h2 id="answer-heading">{t('track.answer')}</h2>
              <p class="answer-text">{answer}</p>
              {p.rating ? (
                <p>
                  {t('case.rating')} <strong>{t(`score.${p.rating}`)}</strong>
                </p>
              ) : null}
            </section>
          ) : null}
          {p.pendingAnswer ? (
            <section aria-labelledby="pending-heading" class="answer pending-answer">
              <h2 id="pending-heading">{t('case.pendingAnswer')}</h2>
              <p class="muted">{t('case.pendingAnswerHint', { name: p.pendingAnswer.by?.name ?? '—', at: date(p.pendingAnswer.at, true) })}</p>
              <p class="answer-text">{p.pendingAnswer.text}</p>
            </section>
          ) : null}
          {p.kind === 'conduct_report' ? <ConductFinding petitionId={p.id} /> : null}
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('track.timeline')}</h2>
            <Timeline entries={p.timeline ?? []} />
          </section>
        </div>
        <aside class="case-side">
          <section aria-labelledby="resident-heading">
            <h2 id="resident-heading">{t('case.resident')}</h2>
            {p.anonymous ? <p>{t('case.anonymous')}</p> : null}
            {p.identityHidden ? <p class="muted">{t('case.residentHidden')}</p> : null}
            {!p.identityHidden
              ? p.petitioners.map((r) => (
                  <dl class="facts petitioner" key={r.trackingCode}>
                    <Fact label={t('raise.name')}>{r.name}</Fact>
                    <Fact label={t('raise.phone')}>{r.phone}</Fact>
                    <Fact label={t('raise.email')}>{r.email}</Fact>
                    <Fact label={t('case.address')}>{r.address}</Fact>
                    {p.petitioners.length > 1 ? <Fact label={t('inbox.code')}>{r.trackingCode}</Fact> : null}
                    {r.rating ? <Fact label={t('case.rating')}>{t(`score.${r.rating}`)}</Fact> : null}
                  </dl>
                ))
              : null}
            <dl class="facts">
              <Fact label={t('track.submitted')}>{date(p.submittedAt, true)}</Fact>
              <Fact label={t('track.category')}>{p.category ? tOr(`category.${p.category}`, p.category) : null}</Fact>
            </dl>
          </section>
          <section aria-labelledby="actions-heading" class="actions">
            <h2 id="actions-heading">{t('case.actions')}</h2>
            {allowed.length === 0 ? <p class="muted">{t('case.noActions')}</p> : null}
            <div class="action-buttons">
              {allowed.map((a) => (
                <button
                  key={a}
                  type="button"
                  class={`button ${a === 'answer' || a === 'assign' || a === 'accept' ? 'primary' : 'secondary'}`}
                  aria-expanded={open === a}
                  onClick={() => {
                    setDone(null);
                    setOpen(open === a ? null : a);
                  }}
                >
                  {t(`action.${a}`)}
                </button>
              ))}
            </div>
            {open ? (
              <ActionForm
                key={open}
                type={open}
                petition={p}
                onCancel={() => setOpen(null)}
                onDone={(updated) => {
                  // An answer held for approval has not reached the resident: say so.
                  const held = open === 'answer' && !!(updated as Petition | undefined)?.pendingAnswer;
                  setDone(held ? t('case.heldForApproval') : t('case.done', { action: t(`action.${open}`) }));
                  setOpen(null);
                  if ('visible' in updated) setHandedOver(updated);
                  else petition.set(updated);
                }}
              />
            ) : null}
          </section>
          {routingActions.some((a) => abilities.has(a)) ? (
            <RoutingSuggestion
              petition={p}
              onApplied={(message) => {
                setDone(message);
                petition.reload();
              }}
            />
          ) : null}
          <MergeCandidates
            petition={p}
            onMerged={(updated) => {
              setDone(t('case.done', { action: t('action.merge') }));
              if ('visible' in updated) setHandedOver(updated);
              else petition.set(updated);
            }}
          />
        </aside>
      </div>
    </>
  );
}

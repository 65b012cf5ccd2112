-- The schema after every migration up to 0994_handler_search, written by `npm run schema`; do not edit.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE TABLE public.petitions (
    id bigint NOT NULL,
    tracking_code text NOT NULL,
    kind text NOT NULL,
    category text,
    channel text NOT NULL,
    title text,
    body text NOT NULL,
    language text,
    status text NOT NULL,
    urgent boolean DEFAULT false NOT NULL,
    anonymous boolean DEFAULT false NOT NULL,
    consent_to_publish boolean DEFAULT false NOT NULL,
    location_lat double precision,
    location_lng double precision,
    location_address text,
    unit_id bigint NOT NULL,
    unit_path text NOT NULL,
    agency_id bigint,
    origin_unit_id bigint NOT NULL,
    origin_unit_path text NOT NULL,
    reported_official_id bigint,
    recorded_by bigint,
    content text,
    handler_id bigint,
    leader_id bigint,
    expected_result text,
    ack_due_at timestamp with time zone NOT NULL,
    due_at timestamp with time zone NOT NULL,
    original_due_at timestamp with time zone NOT NULL,
    answer_text text,
    answer_publish boolean DEFAULT false NOT NULL,
    answered_by bigint,
    answer_count integer DEFAULT 0 NOT NULL,
    answered_on_the_spot boolean DEFAULT false NOT NULL,
    case_id bigint,
    merged_at timestamp with time zone,
    submitted_at timestamp with time zone NOT NULL,
    accepted_at timestamp with time zone,
    rejected_at timestamp with time zone,
    answered_at timestamp with time zone,
    last_answered_at timestamp with time zone,
    closed_at timestamp with time zone,
    resolved boolean DEFAULT false NOT NULL,
    resolved_at timestamp with time zone,
    resolved_on_time boolean,
    reopen_count integer DEFAULT 0 NOT NULL,
    reopened_at timestamp with time zone,
    escalation_count integer DEFAULT 0 NOT NULL,
    escalated_at timestamp with time zone,
    escalated_to_path text,
    transfer_count integer DEFAULT 0 NOT NULL,
    transferred_at timestamp with time zone,
    extension_count integer DEFAULT 0 NOT NULL,
    rating text,
    rated_at timestamp with time zone,
    search tsvector NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    review_stage text,
    reviewed_at timestamp with time zone,
    re_reviewed_at timestamp with time zone,
    pending_answer_text text,
    pending_answer_publish boolean,
    pending_answer_by bigint,
    pending_answer_at timestamp with time zone,
    CONSTRAINT petitions_channel_check CHECK ((channel = ANY (ARRAY['web'::text, 'mobile'::text, 'hotline'::text, 'mailbox'::text, 'forum'::text, 'reception'::text, 'counter'::text, 'outreach'::text]))),
    CONSTRAINT petitions_kind_check CHECK ((kind = ANY (ARRAY['question'::text, 'suggestion'::text, 'complaint'::text, 'denunciation'::text, 'help_request'::text, 'conduct_report'::text]))),
    CONSTRAINT petitions_rating_check CHECK ((rating = ANY (ARRAY['satisfied'::text, 'acceptable'::text, 'unsatisfied'::text]))),
    CONSTRAINT petitions_review_stage_check CHECK ((review_stage = ANY (ARRAY['review'::text, 're_review'::text]))),
    CONSTRAINT petitions_status_check CHECK ((status = ANY (ARRAY['received'::text, 'accepted'::text, 'rejected'::text, 'transferred'::text, 'assigned'::text, 'in_progress'::text, 'answered'::text, 'closed'::text, 'reopened'::text, 'merged'::text])))
);

CREATE FUNCTION public.figures_fact_row(p public.petitions, s smallint, overdue_before timestamp with time zone) RETURNS TABLE(sign smallint, origin_unit_path text, day date, kind text, channel text, category text, accepted boolean, rejected boolean, answer_minutes integer, resolved boolean, resolved_on_time boolean, escalated_to_path text, transferred boolean, rating text, overdue boolean)
    LANGUAGE sql STABLE
    AS $$
  SELECT s,
         p.origin_unit_path,
         (p.submitted_at AT TIME ZONE (SELECT u.time_zone FROM units u WHERE u.id = p.origin_unit_id))::date,
         p.kind, p.channel,
         CASE WHEN p.category IS NULL OR p.category IN (SELECT c.category FROM figures_categories c) THEN p.category ELSE 'other' END,
         p.accepted_at IS NOT NULL,
         p.rejected_at IS NOT NULL,
         CASE WHEN p.answered_at IS NOT NULL
              THEN greatest(0, floor(extract(epoch FROM p.answered_at - p.submitted_at) / 60))::int END,
         p.resolved,
         p.resolved AND coalesce(p.resolved_on_time, false),
         p.escalated_to_path,
         p.transfer_count > 0,
         p.rating,
         p.status IN ('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened')
           AND p.due_at < overdue_before
$$;

CREATE FUNCTION public.figures_petition_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
  watermark timestamptz;
BEGIN
  -- The watermark is read after this row was written: a fold moving it locks the petitions it
  -- moves first, so either it waits for this transaction or this statement sees its watermark.
  SELECT overdue_before INTO watermark FROM figures_watermark;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO figures_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, overdue)
    SELECT * FROM figures_fact_row(OLD, (-1)::smallint, watermark);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO figures_deltas (sign, origin_unit_path, day, kind, channel, category, accepted, rejected,
                              answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred,
                              rating, overdue)
    SELECT * FROM figures_fact_row(NEW, (1)::smallint, watermark);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION public.reports_never_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  RAISE EXCEPTION 'an archived report never changes (report %)', OLD.id;
END $$;

CREATE TABLE public.access_key_failures (
    petition_id bigint NOT NULL,
    at timestamp with time zone NOT NULL
);

CREATE TABLE public.accounts (
    id bigint NOT NULL,
    kind text NOT NULL,
    username text,
    password_hash text,
    name text DEFAULT ''::text NOT NULL,
    phone text,
    email text,
    agency_id bigint,
    "position" text,
    locale text,
    disabled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT accounts_kind_check CHECK ((kind = ANY (ARRAY['official'::text, 'resident'::text]))),
    CONSTRAINT accounts_official_username CHECK (((kind <> 'official'::text) OR (username IS NOT NULL)))
);

ALTER TABLE public.accounts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.accounts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.agencies (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    kind text NOT NULL,
    name text NOT NULL,
    names jsonb DEFAULT '{}'::jsonb NOT NULL,
    phone text,
    email text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.agencies ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.agencies_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.agency_kinds (
    key text NOT NULL,
    names jsonb NOT NULL,
    "position" integer DEFAULT 0 NOT NULL
);

CREATE TABLE public.answer_approval_units (
    unit_id bigint NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by bigint
);

CREATE TABLE public.api_key_usage (
    key_id bigint NOT NULL,
    minute timestamp with time zone NOT NULL,
    n integer NOT NULL
);

CREATE TABLE public.api_keys (
    id bigint NOT NULL,
    client text NOT NULL,
    prefix text NOT NULL,
    key_hash text NOT NULL,
    unit_id bigint,
    per_minute integer NOT NULL,
    created_by bigint,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    revoked_by bigint,
    last_used_at timestamp with time zone,
    CONSTRAINT api_keys_client_check CHECK (((length(client) >= 1) AND (length(client) <= 200))),
    CONSTRAINT api_keys_per_minute_check CHECK (((per_minute >= 1) AND (per_minute <= 100000)))
);

ALTER TABLE public.api_keys ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.api_keys_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.article_term_counts (
    term text NOT NULL,
    articles integer NOT NULL
);

CREATE TABLE public.article_terms (
    article_id bigint NOT NULL,
    language text NOT NULL,
    term text NOT NULL,
    weight real NOT NULL,
    unit_path text NOT NULL
);

CREATE TABLE public.article_versions (
    article_id bigint NOT NULL,
    version integer NOT NULL,
    language text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    guide jsonb,
    author_id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT article_versions_language_check CHECK ((language = ANY (ARRAY['vi'::text, 'zh'::text, 'en'::text])))
);

CREATE TABLE public.articles (
    id bigint NOT NULL,
    kind text NOT NULL,
    state text NOT NULL,
    unit_id bigint NOT NULL,
    unit_path text NOT NULL,
    category text,
    source_petition_id bigint,
    service_point_id bigint,
    valid_from date,
    valid_to date,
    version integer DEFAULT 1 NOT NULL,
    published_version integer,
    author_id bigint NOT NULL,
    submitted_at timestamp with time zone,
    reviewed_by bigint,
    published_at timestamp with time zone,
    withdrawn_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    announced_at timestamp with time zone,
    CONSTRAINT articles_check CHECK (((valid_to IS NULL) OR (valid_from IS NULL) OR (valid_to >= valid_from))),
    CONSTRAINT articles_kind_check CHECK ((kind = ANY (ARRAY['answer'::text, 'guide'::text, 'announcement'::text]))),
    CONSTRAINT articles_state_check CHECK ((state = ANY (ARRAY['draft'::text, 'in_review'::text, 'published'::text, 'withdrawn'::text])))
);

ALTER TABLE public.articles ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.articles_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.attachment_contents (
    sha256 text NOT NULL,
    data bytea NOT NULL,
    size integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT attachment_contents_check CHECK ((size = octet_length(data))),
    CONSTRAINT attachment_contents_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text))
);

CREATE TABLE public.audit_checkpoint_heads (
    checkpoint_id bigint NOT NULL,
    event_id bigint NOT NULL,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    seq integer NOT NULL,
    hash text NOT NULL
);

CREATE TABLE public.audit_checkpoints (
    id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    max_event_id bigint NOT NULL,
    event_count bigint NOT NULL,
    heads_hash text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
);

ALTER TABLE public.audit_checkpoints ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_checkpoints_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.audit_events (
    id bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor_id bigint,
    actor_label text NOT NULL,
    action text NOT NULL,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    unit_id bigint,
    changes jsonb DEFAULT '{}'::jsonb NOT NULL,
    seq integer NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
);

ALTER TABLE public.audit_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.calendar_days (
    id bigint NOT NULL,
    country text NOT NULL,
    unit_id bigint,
    day date NOT NULL,
    kind text NOT NULL,
    name text DEFAULT ''::text NOT NULL,
    CONSTRAINT calendar_days_kind_check CHECK ((kind = ANY (ARRAY['holiday'::text, 'working'::text])))
);

ALTER TABLE public.calendar_days ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.calendar_days_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.conduct_findings (
    petition_id bigint NOT NULL,
    official_id bigint NOT NULL,
    unit_path text NOT NULL,
    outcome text NOT NULL,
    norm_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    reasons text NOT NULL,
    recorded_by bigint NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT conduct_findings_outcome_check CHECK ((outcome = ANY (ARRAY['upheld'::text, 'not_upheld'::text])))
);

CREATE TABLE public.consultation_ballots (
    id uuid NOT NULL,
    consultation_id bigint NOT NULL,
    option_id bigint NOT NULL,
    receipt_hash text
);

CREATE TABLE public.consultation_codes (
    id bigint NOT NULL,
    voter_id bigint NOT NULL,
    code_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    consumed_at timestamp with time zone
);

ALTER TABLE public.consultation_codes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.consultation_codes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.consultation_options (
    id bigint NOT NULL,
    consultation_id bigint NOT NULL,
    "position" integer NOT NULL,
    title text NOT NULL,
    body text DEFAULT ''::text NOT NULL,
    place_name text,
    lat double precision,
    lng double precision,
    CONSTRAINT consultation_options_lat_check CHECK (((lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision))),
    CONSTRAINT consultation_options_lng_check CHECK (((lng >= ('-180'::integer)::double precision) AND (lng <= (180)::double precision)))
);

ALTER TABLE public.consultation_options ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.consultation_options_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.consultation_voters (
    id bigint NOT NULL,
    consultation_id bigint NOT NULL,
    ref text NOT NULL,
    name text NOT NULL,
    phone text,
    voted_at timestamp with time zone,
    vote_channel text,
    CONSTRAINT consultation_voters_vote_channel_check CHECK ((vote_channel = ANY (ARRAY['code'::text, 'paper'::text])))
);

ALTER TABLE public.consultation_voters ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.consultation_voters_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.consultations (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    title text NOT NULL,
    body text DEFAULT ''::text NOT NULL,
    electorate_kind text NOT NULL,
    changeable boolean DEFAULT false NOT NULL,
    status text NOT NULL,
    closes_at timestamp with time zone NOT NULL,
    opened_at timestamp with time zone,
    closed_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT consultations_electorate_kind_check CHECK ((electorate_kind = ANY (ARRAY['household'::text, 'resident'::text]))),
    CONSTRAINT consultations_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'open'::text, 'closed'::text])))
);

ALTER TABLE public.consultations ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.consultations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.council_members (
    id bigint NOT NULL,
    council_id bigint NOT NULL,
    name text NOT NULL,
    account_id bigint,
    role text NOT NULL,
    party_member boolean DEFAULT false NOT NULL,
    elected_on date NOT NULL,
    term_until date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT council_members_check CHECK ((term_until >= elected_on)),
    CONSTRAINT council_members_role_check CHECK ((role = ANY (ARRAY['chair'::text, 'secretary'::text, 'member'::text])))
);

ALTER TABLE public.council_members ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.council_members_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.councils (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    kind text NOT NULL,
    name text NOT NULL,
    quorum_num integer DEFAULT 1 NOT NULL,
    quorum_den integer DEFAULT 2 NOT NULL,
    quorum_strict boolean DEFAULT true NOT NULL,
    majority_num integer DEFAULT 1 NOT NULL,
    majority_den integer DEFAULT 2 NOT NULL,
    majority_strict boolean DEFAULT true NOT NULL,
    majority_base text DEFAULT 'present'::text NOT NULL,
    cosigners_required integer DEFAULT 5 NOT NULL,
    comment_days integer DEFAULT 7 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT councils_check CHECK (((quorum_den > 0) AND (quorum_num <= quorum_den))),
    CONSTRAINT councils_check1 CHECK (((majority_den > 0) AND (majority_num <= majority_den))),
    CONSTRAINT councils_comment_days_check CHECK (((comment_days >= 1) AND (comment_days <= 90))),
    CONSTRAINT councils_cosigners_required_check CHECK ((cosigners_required >= 0)),
    CONSTRAINT councils_kind_check CHECK ((kind = ANY (ARRAY['group_council'::text, 'party_branch'::text, 'village_council'::text, 'commune_council'::text, 'residents_council'::text]))),
    CONSTRAINT councils_majority_base_check CHECK ((majority_base = ANY (ARRAY['present'::text, 'members'::text, 'cast'::text]))),
    CONSTRAINT councils_majority_num_check CHECK ((majority_num > 0)),
    CONSTRAINT councils_quorum_num_check CHECK ((quorum_num > 0))
);

ALTER TABLE public.councils ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.councils_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.deadline_actions (
    petition_id bigint NOT NULL,
    stage text NOT NULL,
    due_at timestamp with time zone NOT NULL,
    at timestamp with time zone NOT NULL,
    notified integer DEFAULT 0 NOT NULL,
    escalated_to bigint
);

CREATE TABLE public.deadline_policies (
    id bigint NOT NULL,
    kind text NOT NULL,
    unit_id bigint,
    ack_working_days integer NOT NULL,
    urgent_ack_working_hours integer,
    resolution_days integer NOT NULL,
    urgent_resolution_days integer,
    day_type text NOT NULL,
    max_extensions integer,
    extension_days integer,
    anonymous_allowed boolean NOT NULL,
    reopen_days integer NOT NULL,
    auto_escalate boolean DEFAULT false NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by bigint,
    country text,
    legal_source text,
    ack_day_type text DEFAULT 'working'::text NOT NULL,
    review_request_days integer,
    review_days integer,
    re_review_days integer,
    channel text,
    CONSTRAINT deadline_policies_ack_day_type_check CHECK ((ack_day_type = ANY (ARRAY['working'::text, 'calendar'::text]))),
    CONSTRAINT deadline_policies_ack_working_days_check CHECK ((ack_working_days >= 0)),
    CONSTRAINT deadline_policies_channel_check CHECK ((channel = ANY (ARRAY['web'::text, 'mobile'::text, 'hotline'::text, 'mailbox'::text, 'forum'::text, 'reception'::text, 'counter'::text, 'outreach'::text]))),
    CONSTRAINT deadline_policies_country_check CHECK ((country ~ '^[A-Z]{2}$'::text)),
    CONSTRAINT deadline_policies_country_default CHECK (((unit_id IS NULL) OR (country IS NULL))),
    CONSTRAINT deadline_policies_day_type_check CHECK ((day_type = ANY (ARRAY['working'::text, 'calendar'::text]))),
    CONSTRAINT deadline_policies_extension_days_check CHECK ((extension_days > 0)),
    CONSTRAINT deadline_policies_kind_check CHECK ((kind = ANY (ARRAY['question'::text, 'suggestion'::text, 'complaint'::text, 'denunciation'::text, 'help_request'::text, 'conduct_report'::text]))),
    CONSTRAINT deadline_policies_max_extensions_check CHECK ((max_extensions >= 0)),
    CONSTRAINT deadline_policies_re_review_after_review CHECK (((re_review_days IS NULL) OR (review_days IS NOT NULL))),
    CONSTRAINT deadline_policies_re_review_days_check CHECK ((re_review_days > 0)),
    CONSTRAINT deadline_policies_reopen_days_check CHECK ((reopen_days >= 0)),
    CONSTRAINT deadline_policies_resolution_days_check CHECK ((resolution_days > 0)),
    CONSTRAINT deadline_policies_review_days_check CHECK ((review_days > 0)),
    CONSTRAINT deadline_policies_review_request_days_check CHECK ((review_request_days > 0)),
    CONSTRAINT deadline_policies_urgent_ack_working_hours_check CHECK ((urgent_ack_working_hours > 0)),
    CONSTRAINT deadline_policies_urgent_resolution_days_check CHECK ((urgent_resolution_days > 0))
);

ALTER TABLE public.deadline_policies ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.deadline_policies_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.deadline_sweep_state (
    stage text NOT NULL,
    done_until timestamp with time zone NOT NULL
);

CREATE TABLE public.deliberation_documents (
    id bigint NOT NULL,
    matter_id bigint,
    option_id bigint,
    title text NOT NULL,
    url text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT deliberation_documents_check CHECK (((matter_id IS NULL) <> (option_id IS NULL)))
);

ALTER TABLE public.deliberation_documents ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.deliberation_documents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.deliberation_follows (
    account_id bigint NOT NULL,
    matter_id bigint,
    consultation_id bigint,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT deliberation_follows_check CHECK (((matter_id IS NULL) <> (consultation_id IS NULL)))
);

CREATE TABLE public.figures_answer_hist (
    unit_id bigint NOT NULL,
    level smallint NOT NULL,
    parent integer NOT NULL,
    grain "char" NOT NULL,
    day date NOT NULL,
    bucket integer NOT NULL,
    n bigint NOT NULL,
    CONSTRAINT figures_answer_hist_grain_check CHECK ((grain = ANY (ARRAY['d'::"char", 'm'::"char"]))),
    CONSTRAINT figures_answer_hist_level_check CHECK ((level = ANY (ARRAY[0, 1, 2])))
);

CREATE TABLE public.figures_categories (
    category text NOT NULL,
    CONSTRAINT figures_categories_category_check CHECK ((category ~ '^[a-z0-9][a-z0-9_.-]*$'::text))
);

CREATE TABLE public.figures_counts (
    unit_id bigint NOT NULL,
    grain "char" NOT NULL,
    day date NOT NULL,
    dim "char" NOT NULL,
    value text NOT NULL,
    received bigint NOT NULL,
    accepted bigint NOT NULL,
    rejected bigint NOT NULL,
    answered bigint NOT NULL,
    resolved bigint NOT NULL,
    resolved_on_time bigint NOT NULL,
    escalated bigint NOT NULL,
    transferred bigint NOT NULL,
    rated bigint NOT NULL,
    satisfied bigint NOT NULL,
    acceptable bigint NOT NULL,
    unsatisfied bigint NOT NULL,
    overdue bigint DEFAULT 0 NOT NULL,
    CONSTRAINT figures_counts_dim_check CHECK ((dim = ANY (ARRAY['k'::"char", 'c'::"char", 'g'::"char"]))),
    CONSTRAINT figures_counts_grain_check CHECK ((grain = ANY (ARRAY['d'::"char", 'm'::"char"])))
);

CREATE TABLE public.figures_deltas (
    id bigint NOT NULL,
    sign smallint NOT NULL,
    origin_unit_path text NOT NULL,
    day date NOT NULL,
    kind text NOT NULL,
    channel text NOT NULL,
    category text,
    accepted boolean NOT NULL,
    rejected boolean NOT NULL,
    answer_minutes integer,
    resolved boolean NOT NULL,
    resolved_on_time boolean NOT NULL,
    escalated_to_path text,
    transferred boolean NOT NULL,
    rating text,
    overdue boolean DEFAULT false NOT NULL,
    CONSTRAINT figures_deltas_sign_check CHECK ((sign = ANY (ARRAY['-1'::integer, 1])))
);

ALTER TABLE public.figures_deltas ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.figures_deltas_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.figures_levels (
    level text NOT NULL,
    grains text NOT NULL,
    histogram boolean DEFAULT false NOT NULL,
    CONSTRAINT figures_levels_grains_check CHECK ((grains = ANY (ARRAY['dm'::text, 'm'::text])))
);

CREATE TABLE public.figures_watermark (
    one boolean DEFAULT true NOT NULL,
    overdue_before timestamp with time zone NOT NULL,
    CONSTRAINT figures_watermark_one_check CHECK (one)
);

CREATE TABLE public.gathering_agencies (
    gathering_id bigint NOT NULL,
    agency_id bigint NOT NULL
);

CREATE TABLE public.gathering_attachments (
    id bigint NOT NULL,
    gathering_id bigint NOT NULL,
    sha256 text NOT NULL,
    filename text NOT NULL,
    content_type text NOT NULL,
    size integer NOT NULL,
    public boolean NOT NULL,
    uploaded_by bigint,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT gathering_attachments_content_type_check CHECK ((content_type = ANY (ARRAY['image/jpeg'::text, 'image/png'::text, 'image/webp'::text, 'application/pdf'::text]))),
    CONSTRAINT gathering_attachments_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT gathering_attachments_size_check CHECK ((size > 0))
);

ALTER TABLE public.gathering_attachments ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.gathering_attachments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.gathering_attendees (
    id bigint NOT NULL,
    gathering_id bigint NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.gathering_attendees ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.gathering_attendees_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.gathering_bookings (
    id bigint NOT NULL,
    gathering_id bigint NOT NULL,
    code text NOT NULL,
    phone text NOT NULL,
    name text,
    cancelled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.gathering_bookings ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.gathering_bookings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.gathering_entries (
    key text NOT NULL,
    gathering_id bigint NOT NULL,
    type text NOT NULL,
    result jsonb NOT NULL,
    created_by bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT gathering_entries_key_check CHECK ((key ~ '^[A-Za-z0-9_-]{8,64}$'::text))
);

CREATE TABLE public.gathering_petitions (
    petition_id bigint NOT NULL,
    gathering_id bigint NOT NULL,
    via text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT gathering_petitions_via_check CHECK ((via = ANY (ARRAY['raised'::text, 'question_ahead'::text])))
);

CREATE TABLE public.gathering_records (
    id bigint NOT NULL,
    gathering_id bigint NOT NULL,
    petition_id bigint,
    resident_account text NOT NULL,
    agency_account text NOT NULL,
    conclusion text NOT NULL,
    responsible text NOT NULL,
    due_on date NOT NULL,
    done_at timestamp with time zone,
    done_note text,
    created_by bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.gathering_records ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.gathering_records_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.gathering_series (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    rrule text NOT NULL,
    first_day date NOT NULL,
    until_day date NOT NULL,
    start_time text NOT NULL,
    minutes integer NOT NULL,
    holiday_rule text NOT NULL,
    exceptions date[] DEFAULT '{}'::date[] NOT NULL,
    created_by bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT gathering_series_holiday_rule_check CHECK ((holiday_rule = ANY (ARRAY['skip'::text, 'next_day'::text, 'previous_day'::text, 'keep'::text]))),
    CONSTRAINT gathering_series_kind_check CHECK ((kind = ANY (ARRAY['reception_day'::text, 'outreach_day'::text, 'forum'::text, 'dialogue'::text, 'service_day'::text, 'working_session'::text]))),
    CONSTRAINT gathering_series_minutes_check CHECK (((minutes >= 15) AND (minutes <= 1440))),
    CONSTRAINT gathering_series_start_time_check CHECK ((start_time ~ '^[0-2][0-9]:[0-5][0-9]$'::text))
);

ALTER TABLE public.gathering_series ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.gathering_series_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.gathering_services (
    gathering_id bigint NOT NULL,
    service_type text NOT NULL,
    count integer NOT NULL,
    CONSTRAINT gathering_services_count_check CHECK ((count >= 0)),
    CONSTRAINT gathering_services_service_type_check CHECK ((service_type ~ '^[a-z][a-z0-9_]{0,63}$'::text))
);

CREATE TABLE public.gatherings (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    unit_path text NOT NULL,
    series_id bigint,
    kind text NOT NULL,
    title text NOT NULL,
    host_id bigint,
    host_role text,
    place text,
    place_lat double precision,
    place_lng double precision,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    capacity integer,
    topics text[] DEFAULT '{}'::text[] NOT NULL,
    state text DEFAULT 'planned'::text NOT NULL,
    cancel_reason text,
    attendance integer DEFAULT 0 NOT NULL,
    minutes_text text,
    outcomes text,
    summary text,
    opened_at timestamp with time zone,
    closed_at timestamp with time zone,
    published_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    created_by bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    moved_from date,
    CONSTRAINT gatherings_attendance_check CHECK ((attendance >= 0)),
    CONSTRAINT gatherings_capacity_check CHECK ((capacity > 0)),
    CONSTRAINT gatherings_check CHECK ((ends_at > starts_at)),
    CONSTRAINT gatherings_check1 CHECK (((state = 'cancelled'::text) = (cancel_reason IS NOT NULL))),
    CONSTRAINT gatherings_host_role_check CHECK ((host_role = ANY (ARRAY['chairman'::text, 'vice_chairman'::text, 'reception_committee'::text, 'other'::text]))),
    CONSTRAINT gatherings_kind_check CHECK ((kind = ANY (ARRAY['reception_day'::text, 'outreach_day'::text, 'forum'::text, 'dialogue'::text, 'service_day'::text, 'working_session'::text]))),
    CONSTRAINT gatherings_place_lat_check CHECK (((place_lat >= ('-90'::integer)::double precision) AND (place_lat <= (90)::double precision))),
    CONSTRAINT gatherings_place_lng_check CHECK (((place_lng >= ('-180'::integer)::double precision) AND (place_lng <= (180)::double precision))),
    CONSTRAINT gatherings_state_check CHECK ((state = ANY (ARRAY['planned'::text, 'open'::text, 'closed'::text, 'published'::text, 'cancelled'::text])))
);

ALTER TABLE public.gatherings ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.gatherings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.grants (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    unit_id bigint,
    role text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT grants_role_check CHECK ((role = ANY (ARRAY['administrator'::text, 'leader'::text, 'dispatcher'::text, 'handler'::text, 'reception_officer'::text, 'council_secretary'::text, 'auditor'::text])))
);

ALTER TABLE public.grants ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.grants_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.hotspots (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    unit_path text NOT NULL,
    category text NOT NULL,
    week_end timestamp with time zone NOT NULL,
    count integer NOT NULL,
    baseline real NOT NULL,
    score real NOT NULL,
    petition_ids bigint[] NOT NULL,
    flagged_at timestamp with time zone NOT NULL
);

ALTER TABLE public.hotspots ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.hotspots_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.inspection_findings (
    id bigint NOT NULL,
    official_id bigint NOT NULL,
    unit_id bigint NOT NULL,
    unit_path text NOT NULL,
    found_on date NOT NULL,
    text text NOT NULL,
    entered_by bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    CONSTRAINT inspection_findings_text_check CHECK (((length(text) >= 1) AND (length(text) <= 4000)))
);

ALTER TABLE public.inspection_findings ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.inspection_findings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.jobs (
    id bigint NOT NULL,
    kind text NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    key text,
    state text DEFAULT 'pending'::text NOT NULL,
    run_at timestamp with time zone NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    max_attempts integer DEFAULT 10 NOT NULL,
    lease_token text,
    locked_until timestamp with time zone,
    last_error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT jobs_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'running'::text, 'done'::text, 'failed'::text, 'cancelled'::text])))
);

ALTER TABLE public.jobs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.jobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.known_devices (
    token_hash text NOT NULL,
    account_id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone NOT NULL
);

CREATE TABLE public.matter_comments (
    id bigint NOT NULL,
    matter_id bigint NOT NULL,
    account_id bigint,
    member_id bigint,
    author_name text DEFAULT ''::text NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT matter_comments_check CHECK (((account_id IS NOT NULL) OR (member_id IS NOT NULL)))
);

ALTER TABLE public.matter_comments ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.matter_comments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.matter_meetings (
    id bigint NOT NULL,
    matter_id bigint NOT NULL,
    held_on date NOT NULL,
    members_total integer NOT NULL,
    present_ids bigint[] NOT NULL,
    votes_for integer NOT NULL,
    votes_against integer NOT NULL,
    abstentions integer NOT NULL,
    passed boolean NOT NULL,
    minutes text DEFAULT ''::text NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);

ALTER TABLE public.matter_meetings ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.matter_meetings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.matter_tasks (
    id bigint NOT NULL,
    matter_id bigint NOT NULL,
    title text NOT NULL,
    owner text NOT NULL,
    due_on date NOT NULL,
    status text NOT NULL,
    progress integer DEFAULT 0 NOT NULL,
    spent numeric(16,2) DEFAULT 0 NOT NULL,
    done_on date,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT matter_tasks_progress_check CHECK (((progress >= 0) AND (progress <= 100))),
    CONSTRAINT matter_tasks_status_check CHECK ((status = ANY (ARRAY['open'::text, 'done'::text, 'contested'::text, 'accepted'::text])))
);

ALTER TABLE public.matter_tasks ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.matter_tasks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.matters (
    id bigint NOT NULL,
    council_id bigint NOT NULL,
    unit_id bigint NOT NULL,
    content text NOT NULL,
    title text NOT NULL,
    body text DEFAULT ''::text NOT NULL,
    proposer_kind text NOT NULL,
    proposer_member_id bigint,
    proposer_name text NOT NULL,
    cosigners jsonb DEFAULT '[]'::jsonb NOT NULL,
    stage text NOT NULL,
    proposed_at timestamp with time zone NOT NULL,
    stage_changed_at timestamp with time zone NOT NULL,
    comments_close_at timestamp with time zone,
    review_outcome text,
    review_reason text,
    revision integer DEFAULT 1 NOT NULL,
    CONSTRAINT matters_content_check CHECK ((content = ANY (ARRAY['development'::text, 'law'::text, 'morality'::text, 'customs'::text, 'harmony'::text]))),
    CONSTRAINT matters_proposer_kind_check CHECK ((proposer_kind = ANY (ARRAY['member'::text, 'residents'::text]))),
    CONSTRAINT matters_review_outcome_check CHECK ((review_outcome = ANY (ARRAY['approved'::text, 'returned'::text, 'rejected'::text]))),
    CONSTRAINT matters_stage_check CHECK ((stage = ANY (ARRAY['proposal'::text, 'evaluation'::text, 'review'::text, 'resolution'::text, 'implementation'::text, 'inspection'::text, 'completed'::text, 'rejected'::text, 'not_passed'::text])))
);

ALTER TABLE public.matters ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.matters_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.norm_set_versions (
    id bigint NOT NULL,
    set_id bigint NOT NULL,
    version integer NOT NULL,
    names jsonb NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    created_by bigint,
    CONSTRAINT norm_set_versions_version_check CHECK ((version >= 1))
);

ALTER TABLE public.norm_set_versions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.norm_set_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.norm_sets (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    key text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT norm_sets_key_check CHECK ((key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'::text))
);

ALTER TABLE public.norm_sets ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.norm_sets_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.norms (
    id bigint NOT NULL,
    version_id bigint NOT NULL,
    code text NOT NULL,
    texts jsonb NOT NULL,
    "position" integer NOT NULL,
    CONSTRAINT norms_code_check CHECK ((code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$'::text))
);

ALTER TABLE public.norms ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.norms_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.notification_outbox (
    id bigint NOT NULL,
    channel text NOT NULL,
    recipient text NOT NULL,
    template text NOT NULL,
    locale text NOT NULL,
    params jsonb DEFAULT '{}'::jsonb NOT NULL,
    dedupe_key text,
    state text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    lease_token text,
    locked_until timestamp with time zone,
    last_error text,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    CONSTRAINT notification_outbox_channel_check CHECK ((channel = ANY (ARRAY['email'::text, 'sms'::text]))),
    CONSTRAINT notification_outbox_locale_check CHECK ((locale = ANY (ARRAY['vi'::text, 'zh'::text, 'en'::text]))),
    CONSTRAINT notification_outbox_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'sending'::text, 'sent'::text, 'failed'::text])))
);

ALTER TABLE public.notification_outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.notification_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.official_notices (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    template text NOT NULL,
    params jsonb DEFAULT '{}'::jsonb NOT NULL,
    subject_type text,
    subject_id text,
    dedupe_key text,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone
);

ALTER TABLE public.official_notices ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.official_notices_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.official_photos (
    account_id bigint NOT NULL,
    sha256 text NOT NULL,
    content_type text NOT NULL,
    size integer NOT NULL,
    updated_by bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT official_photos_content_type_check CHECK ((content_type = ANY (ARRAY['image/jpeg'::text, 'image/png'::text, 'image/webp'::text]))),
    CONSTRAINT official_photos_size_check CHECK ((size > 0))
);

CREATE TABLE public.one_time_codes (
    id bigint NOT NULL,
    destination text NOT NULL,
    code_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    consumed_at timestamp with time zone
);

ALTER TABLE public.one_time_codes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.one_time_codes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.open311_requests (
    petition_id bigint NOT NULL,
    token text NOT NULL,
    service_id bigint NOT NULL,
    api_key_id bigint NOT NULL,
    attributes jsonb DEFAULT '{}'::jsonb NOT NULL,
    media_url text,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE public.open311_services (
    id bigint NOT NULL,
    unit_id bigint,
    code text NOT NULL,
    names jsonb NOT NULL,
    descriptions jsonb DEFAULT '{}'::jsonb NOT NULL,
    kind text NOT NULL,
    category text,
    service_group text,
    keywords text DEFAULT ''::text NOT NULL,
    attributes jsonb DEFAULT '[]'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT open311_services_code_check CHECK ((code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'::text)),
    CONSTRAINT open311_services_kind_check CHECK ((kind <> ALL (ARRAY['denunciation'::text, 'conduct_report'::text])))
);

ALTER TABLE public.open311_services ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.open311_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.open311_updates (
    id bigint NOT NULL,
    api_key_id bigint NOT NULL,
    external_id text NOT NULL,
    petition_id bigint NOT NULL,
    status text NOT NULL,
    description text NOT NULL,
    media_url text,
    updated_at timestamp with time zone NOT NULL,
    received_at timestamp with time zone NOT NULL,
    CONSTRAINT open311_updates_status_check CHECK ((status = ANY (ARRAY['open'::text, 'closed'::text])))
);

ALTER TABLE public.open311_updates ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.open311_updates_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.petition_attachments (
    id bigint NOT NULL,
    petition_id bigint NOT NULL,
    sha256 text NOT NULL,
    filename text NOT NULL,
    content_type text NOT NULL,
    size integer NOT NULL,
    uploaded_by bigint,
    created_at timestamp with time zone NOT NULL,
    uploaded_by_resident bigint,
    CONSTRAINT petition_attachments_content_type_check CHECK ((content_type = ANY (ARRAY['image/jpeg'::text, 'image/png'::text, 'image/webp'::text, 'application/pdf'::text])))
);

ALTER TABLE public.petition_attachments ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.petition_attachments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.petition_drafts (
    token text NOT NULL,
    unit_id bigint NOT NULL,
    unit_path text NOT NULL,
    started_at timestamp with time zone NOT NULL,
    suggested_at timestamp with time zone,
    opened_article_id bigint,
    opened_at timestamp with time zone,
    submitted_at timestamp with time zone
);

CREATE TABLE public.petition_events (
    id bigint NOT NULL,
    petition_id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    type text NOT NULL,
    actor_id bigint,
    actor_label text NOT NULL,
    from_status text,
    to_status text,
    unit_id bigint,
    reason text,
    text text,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    visibility text NOT NULL,
    CONSTRAINT petition_events_visibility_check CHECK ((visibility = ANY (ARRAY['public'::text, 'internal'::text])))
);

ALTER TABLE public.petition_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.petition_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.petition_ratings (
    id bigint NOT NULL,
    petition_id bigint NOT NULL,
    case_id bigint NOT NULL,
    petitioner_id bigint NOT NULL,
    answer_number integer NOT NULL,
    score text NOT NULL,
    reasons jsonb DEFAULT '[]'::jsonb NOT NULL,
    comment text,
    reopen boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT petition_ratings_score_check CHECK ((score = ANY (ARRAY['satisfied'::text, 'acceptable'::text, 'unsatisfied'::text])))
);

ALTER TABLE public.petition_ratings ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.petition_ratings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.petition_reported_norms (
    petition_id bigint NOT NULL,
    norm_id bigint NOT NULL
);

CREATE TABLE public.petitioners (
    id bigint NOT NULL,
    petition_id bigint NOT NULL,
    resident_account_id bigint,
    name text,
    phone text,
    phone_key text,
    email text,
    address text,
    locale text NOT NULL,
    access_key_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT petitioners_locale_check CHECK ((locale = ANY (ARRAY['vi'::text, 'zh'::text, 'en'::text])))
);

ALTER TABLE public.petitioners ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.petitioners_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE public.petitions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.petitions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.ranking_settings (
    unit_id bigint NOT NULL,
    min_volume integer NOT NULL,
    updated_by bigint,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT ranking_settings_min_volume_check CHECK ((min_volume >= 1))
);

CREATE TABLE public.reception_minimums (
    id bigint NOT NULL,
    country text NOT NULL,
    level text NOT NULL,
    role text NOT NULL,
    days integer NOT NULL,
    per text NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    source text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT reception_minimums_check CHECK (((valid_to IS NULL) OR (valid_to > valid_from))),
    CONSTRAINT reception_minimums_days_check CHECK (((days >= 1) AND (days <= 31))),
    CONSTRAINT reception_minimums_per_check CHECK ((per = ANY (ARRAY['week'::text, 'month'::text]))),
    CONSTRAINT reception_minimums_role_check CHECK ((role = ANY (ARRAY['chairman'::text, 'vice_chairman'::text, 'reception_committee'::text, 'other'::text])))
);

ALTER TABLE public.reception_minimums ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.reception_minimums_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.report_targets (
    unit_id bigint NOT NULL,
    resolution_rate numeric(5,4),
    on_time_rate numeric(5,4),
    satisfaction_rate numeric(5,4),
    updated_by bigint,
    updated_at timestamp with time zone NOT NULL,
    year smallint,
    CONSTRAINT report_targets_on_time_rate_check CHECK (((on_time_rate >= (0)::numeric) AND (on_time_rate <= (1)::numeric))),
    CONSTRAINT report_targets_resolution_rate_check CHECK (((resolution_rate >= (0)::numeric) AND (resolution_rate <= (1)::numeric))),
    CONSTRAINT report_targets_satisfaction_rate_check CHECK (((satisfaction_rate >= (0)::numeric) AND (satisfaction_rate <= (1)::numeric))),
    CONSTRAINT report_targets_year_check CHECK (((year >= 1900) AND (year <= 2999)))
);

CREATE TABLE public.reports (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    period text NOT NULL,
    from_day date NOT NULL,
    to_day date NOT NULL,
    audience text NOT NULL,
    locale text NOT NULL,
    content jsonb NOT NULL,
    pdf bytea NOT NULL,
    sha256 text NOT NULL,
    produced_at timestamp with time zone NOT NULL,
    mailed_to integer,
    CONSTRAINT reports_audience_check CHECK ((audience = ANY (ARRAY['staff'::text, 'public'::text]))),
    CONSTRAINT reports_locale_check CHECK ((locale = ANY (ARRAY['vi'::text, 'zh'::text, 'en'::text]))),
    CONSTRAINT reports_mailed_to_check CHECK ((mailed_to >= 0))
);

ALTER TABLE public.reports ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.reports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.routing_models (
    target text NOT NULL,
    trained_at timestamp with time zone NOT NULL,
    examples integer NOT NULL,
    held_out integer NOT NULL,
    labels integer NOT NULL,
    accuracy real,
    top3_accuracy real,
    baseline real,
    model jsonb NOT NULL,
    CONSTRAINT routing_models_target_check CHECK ((target = ANY (ARRAY['category'::text, 'agency'::text])))
);

CREATE TABLE public.satisfaction_devices (
    id bigint NOT NULL,
    service_point_id bigint NOT NULL,
    name text NOT NULL,
    enrolment_code_hash text,
    enrolment_expires_at timestamp with time zone,
    token_hash text,
    enrolled_at timestamp with time zone,
    revoked_at timestamp with time zone,
    created_by bigint NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE public.satisfaction_devices ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.satisfaction_devices_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.satisfaction_link_keys (
    id integer NOT NULL,
    key text NOT NULL,
    CONSTRAINT satisfaction_link_keys_id_check CHECK ((id = 1))
);

CREATE TABLE public.satisfaction_ratings (
    id bigint NOT NULL,
    source text NOT NULL,
    device_id bigint,
    rater_hash text,
    service_point_id bigint,
    unit_id bigint NOT NULL,
    unit_path text NOT NULL,
    official_id bigint,
    procedure text,
    score integer NOT NULL,
    norm_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    comment text,
    created_at timestamp with time zone NOT NULL,
    gathering_id bigint,
    booking_id bigint,
    CONSTRAINT satisfaction_ratings_check CHECK (((source = 'kiosk'::text) = (device_id IS NOT NULL))),
    CONSTRAINT satisfaction_ratings_place_check CHECK (
CASE
    WHEN (source = 'gathering'::text) THEN ((gathering_id IS NOT NULL) AND (booking_id IS NOT NULL) AND (service_point_id IS NULL))
    ELSE ((gathering_id IS NULL) AND (booking_id IS NULL) AND (service_point_id IS NOT NULL))
END),
    CONSTRAINT satisfaction_ratings_score_check CHECK (((score >= 1) AND (score <= 5))),
    CONSTRAINT satisfaction_ratings_source_check CHECK ((source = ANY (ARRAY['kiosk'::text, 'link'::text, 'gathering'::text])))
);

ALTER TABLE public.satisfaction_ratings ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.satisfaction_ratings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.schema_functions (
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.schema_migrations (
    version text NOT NULL,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.scorecard_criteria (
    framework_id bigint NOT NULL,
    measure text NOT NULL,
    weight numeric(6,2) NOT NULL,
    worst numeric(8,2) NOT NULL,
    best numeric(8,2) NOT NULL,
    "position" integer NOT NULL,
    CONSTRAINT scorecard_criteria_check CHECK ((best <> worst)),
    CONSTRAINT scorecard_criteria_measure_check CHECK ((measure = ANY (ARRAY['on_time_rate'::text, 'satisfaction'::text, 'reopen_rate'::text, 'overdue_count'::text, 'online_share'::text, 'gatherings_held'::text, 'upheld_conduct'::text, 'inspection_findings'::text]))),
    CONSTRAINT scorecard_criteria_weight_check CHECK ((weight > (0)::numeric))
);

CREATE TABLE public.scorecard_frameworks (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    "position" text,
    excellent_from numeric(5,2) NOT NULL,
    good_from numeric(5,2) NOT NULL,
    completed_from numeric(5,2) NOT NULL,
    updated_by bigint,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT scorecard_frameworks_check CHECK (((excellent_from >= good_from) AND (good_from >= completed_from))),
    CONSTRAINT scorecard_frameworks_completed_from_check CHECK (((completed_from >= (0)::numeric) AND (completed_from <= (100)::numeric))),
    CONSTRAINT scorecard_frameworks_excellent_from_check CHECK (((excellent_from >= (0)::numeric) AND (excellent_from <= (100)::numeric))),
    CONSTRAINT scorecard_frameworks_good_from_check CHECK (((good_from >= (0)::numeric) AND (good_from <= (100)::numeric)))
);

ALTER TABLE public.scorecard_frameworks ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.scorecard_frameworks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.service_point_checklist_levels (
    unit_level text NOT NULL,
    checklist_level text NOT NULL,
    CONSTRAINT service_point_checklist_levels_checklist_level_check CHECK ((checklist_level = ANY (ARRAY['township'::text, 'village'::text, 'group'::text])))
);

CREATE TABLE public.service_point_duty (
    service_point_id bigint NOT NULL,
    official_id bigint,
    set_by bigint NOT NULL,
    set_at timestamp with time zone NOT NULL
);

CREATE TABLE public.service_point_kinds (
    key text NOT NULL,
    level text NOT NULL,
    required boolean NOT NULL,
    names jsonb NOT NULL,
    "position" integer DEFAULT 0 NOT NULL
);

CREATE TABLE public.service_points (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    kind text NOT NULL,
    name text NOT NULL,
    address text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.service_points ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.service_points_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.sessions (
    token_hash text NOT NULL,
    account_id bigint NOT NULL,
    csrf_token text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    ip text,
    user_agent text
);

CREATE TABLE public.sign_in_attempts (
    key text NOT NULL,
    attempts integer NOT NULL,
    window_ends timestamp with time zone NOT NULL
);

CREATE TABLE public.steering_attendance (
    meeting_id bigint NOT NULL,
    member_id bigint NOT NULL,
    present boolean NOT NULL,
    note text
);

CREATE TABLE public.steering_committees (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    name text NOT NULL,
    created_by bigint,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE public.steering_committees ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.steering_committees_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.steering_decisions (
    id bigint NOT NULL,
    meeting_id bigint NOT NULL,
    committee_id bigint NOT NULL,
    unit_id bigint NOT NULL,
    text text NOT NULL,
    owner_member_id bigint NOT NULL,
    due_at timestamp with time zone NOT NULL,
    status text DEFAULT 'open'::text NOT NULL,
    done_at timestamp with time zone,
    done_note text,
    overdue_at timestamp with time zone,
    escalated_at timestamp with time zone,
    escalated_to_unit_id bigint,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT steering_decisions_status_check CHECK ((status = ANY (ARRAY['open'::text, 'done'::text])))
);

ALTER TABLE public.steering_decisions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.steering_decisions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.steering_meetings (
    id bigint NOT NULL,
    committee_id bigint NOT NULL,
    held_on date NOT NULL,
    title text NOT NULL,
    agenda jsonb NOT NULL,
    minutes text,
    created_by bigint,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE public.steering_meetings ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.steering_meetings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.steering_members (
    id bigint NOT NULL,
    committee_id bigint NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    "position" text,
    account_id bigint,
    email text,
    position_order integer DEFAULT 0 NOT NULL,
    left_on date,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT steering_members_role_check CHECK ((role = ANY (ARRAY['head'::text, 'deputy'::text, 'standing'::text, 'member'::text, 'secretary'::text])))
);

ALTER TABLE public.steering_members ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.steering_members_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.steering_regulations (
    committee_id bigint NOT NULL,
    version integer NOT NULL,
    title text NOT NULL,
    articles jsonb NOT NULL,
    adopted_on date NOT NULL,
    created_by bigint,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE public.subscriptions (
    id bigint NOT NULL,
    unit_id bigint,
    unit_path text,
    category text,
    channel text NOT NULL,
    recipient text NOT NULL,
    locale text NOT NULL,
    code text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    unsubscribed_at timestamp with time zone,
    CONSTRAINT subscriptions_channel_check CHECK ((channel = ANY (ARRAY['sms'::text, 'email'::text]))),
    CONSTRAINT subscriptions_check CHECK (((unit_id IS NOT NULL) OR (category IS NOT NULL))),
    CONSTRAINT subscriptions_check1 CHECK (((unit_id IS NULL) = (unit_path IS NULL))),
    CONSTRAINT subscriptions_locale_check CHECK ((locale = ANY (ARRAY['vi'::text, 'zh'::text, 'en'::text])))
);

ALTER TABLE public.subscriptions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.subscriptions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.task_inspections (
    id bigint NOT NULL,
    task_id bigint NOT NULL,
    matter_id bigint NOT NULL,
    account_id bigint,
    verdict text NOT NULL,
    note text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT task_inspections_verdict_check CHECK ((verdict = ANY (ARRAY['accepted'::text, 'contested'::text])))
);

ALTER TABLE public.task_inspections ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.task_inspections_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.task_progress (
    id bigint NOT NULL,
    task_id bigint NOT NULL,
    note text DEFAULT ''::text NOT NULL,
    progress integer NOT NULL,
    spent numeric(16,2) DEFAULT 0 NOT NULL,
    photos jsonb DEFAULT '[]'::jsonb NOT NULL,
    reported_on date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT task_progress_progress_check CHECK (((progress >= 0) AND (progress <= 100))),
    CONSTRAINT task_progress_spent_check CHECK ((spent >= (0)::numeric))
);

ALTER TABLE public.task_progress ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.task_progress_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.units (
    id bigint NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    names jsonb DEFAULT '{}'::jsonb NOT NULL,
    level text NOT NULL,
    parent_id bigint,
    path text NOT NULL,
    depth integer NOT NULL,
    country text NOT NULL,
    time_zone text NOT NULL,
    valid_from date,
    valid_to date,
    replaced_by_id bigint,
    search_key text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.units ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.units_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.webhook_cursor (
    one boolean DEFAULT true NOT NULL,
    last_event_id bigint NOT NULL,
    CONSTRAINT webhook_cursor_one_check CHECK (one)
);

CREATE TABLE public.webhook_deliveries (
    id bigint NOT NULL,
    delivery_id uuid NOT NULL,
    subscription_id bigint NOT NULL,
    event text NOT NULL,
    source_id bigint NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_status integer,
    last_error text,
    last_attempt_at timestamp with time zone,
    delivered_at timestamp with time zone,
    failed_at timestamp with time zone
);

ALTER TABLE public.webhook_deliveries ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.webhook_deliveries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.webhook_subscriptions (
    id bigint NOT NULL,
    url text NOT NULL,
    unit_id bigint,
    events text[] NOT NULL,
    secret text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    created_by bigint,
    created_at timestamp with time zone NOT NULL,
    disabled_at timestamp with time zone,
    disabled_by bigint,
    CONSTRAINT webhook_subscriptions_events_check CHECK ((cardinality(events) > 0)),
    CONSTRAINT webhook_subscriptions_url_check CHECK (((url ~ '^https?://'::text) AND (length(url) <= 2000)))
);

ALTER TABLE public.webhook_subscriptions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.webhook_subscriptions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.yearly_reviews (
    official_id bigint NOT NULL,
    year integer NOT NULL,
    self_assessment text,
    self_at timestamp with time zone,
    computed_grade text,
    computed_total numeric(5,2),
    scorecard jsonb,
    leader_grade text,
    leader_reasons text,
    leader_id bigint,
    graded_at timestamp with time zone,
    CONSTRAINT yearly_reviews_check CHECK (((leader_grade IS NULL) OR (leader_grade = computed_grade) OR (leader_reasons IS NOT NULL))),
    CONSTRAINT yearly_reviews_computed_grade_check CHECK ((computed_grade = ANY (ARRAY['excellent'::text, 'good'::text, 'completed'::text, 'not_completed'::text]))),
    CONSTRAINT yearly_reviews_leader_grade_check CHECK ((leader_grade = ANY (ARRAY['excellent'::text, 'good'::text, 'completed'::text, 'not_completed'::text]))),
    CONSTRAINT yearly_reviews_year_check CHECK (((year >= 2000) AND (year <= 2200)))
);

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_username_key UNIQUE (username);

ALTER TABLE ONLY public.agencies
    ADD CONSTRAINT agencies_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.agency_kinds
    ADD CONSTRAINT agency_kinds_pkey PRIMARY KEY (key);

ALTER TABLE ONLY public.answer_approval_units
    ADD CONSTRAINT answer_approval_units_pkey PRIMARY KEY (unit_id);

ALTER TABLE ONLY public.api_key_usage
    ADD CONSTRAINT api_key_usage_pkey PRIMARY KEY (key_id, minute);

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash);

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.article_term_counts
    ADD CONSTRAINT article_term_counts_pkey PRIMARY KEY (term);

ALTER TABLE ONLY public.article_terms
    ADD CONSTRAINT article_terms_pkey PRIMARY KEY (article_id, language, term);

ALTER TABLE ONLY public.article_versions
    ADD CONSTRAINT article_versions_pkey PRIMARY KEY (article_id, version, language);

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.attachment_contents
    ADD CONSTRAINT attachment_contents_pkey PRIMARY KEY (sha256);

ALTER TABLE ONLY public.audit_checkpoint_heads
    ADD CONSTRAINT audit_checkpoint_heads_pkey PRIMARY KEY (checkpoint_id, event_id);

ALTER TABLE ONLY public.audit_checkpoints
    ADD CONSTRAINT audit_checkpoints_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT audit_events_subject_type_subject_id_seq_key UNIQUE (subject_type, subject_id, seq);

ALTER TABLE ONLY public.calendar_days
    ADD CONSTRAINT calendar_days_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.conduct_findings
    ADD CONSTRAINT conduct_findings_pkey PRIMARY KEY (petition_id);

ALTER TABLE ONLY public.consultation_ballots
    ADD CONSTRAINT consultation_ballots_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.consultation_ballots
    ADD CONSTRAINT consultation_ballots_receipt_hash_key UNIQUE (receipt_hash);

ALTER TABLE ONLY public.consultation_codes
    ADD CONSTRAINT consultation_codes_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.consultation_options
    ADD CONSTRAINT consultation_options_consultation_id_position_key UNIQUE (consultation_id, "position");

ALTER TABLE ONLY public.consultation_options
    ADD CONSTRAINT consultation_options_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.consultation_voters
    ADD CONSTRAINT consultation_voters_consultation_id_ref_key UNIQUE (consultation_id, ref);

ALTER TABLE ONLY public.consultation_voters
    ADD CONSTRAINT consultation_voters_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.consultations
    ADD CONSTRAINT consultations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.council_members
    ADD CONSTRAINT council_members_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.councils
    ADD CONSTRAINT councils_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.deadline_actions
    ADD CONSTRAINT deadline_actions_pkey PRIMARY KEY (petition_id, stage, due_at);

ALTER TABLE ONLY public.deadline_policies
    ADD CONSTRAINT deadline_policies_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.deadline_sweep_state
    ADD CONSTRAINT deadline_sweep_state_pkey PRIMARY KEY (stage);

ALTER TABLE ONLY public.deliberation_documents
    ADD CONSTRAINT deliberation_documents_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.figures_answer_hist
    ADD CONSTRAINT figures_answer_hist_pkey PRIMARY KEY (unit_id, level, parent, grain, day, bucket);

ALTER TABLE ONLY public.figures_categories
    ADD CONSTRAINT figures_categories_pkey PRIMARY KEY (category);

ALTER TABLE ONLY public.figures_counts
    ADD CONSTRAINT figures_counts_pkey PRIMARY KEY (unit_id, grain, day, dim, value);

ALTER TABLE ONLY public.figures_deltas
    ADD CONSTRAINT figures_deltas_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.figures_levels
    ADD CONSTRAINT figures_levels_pkey PRIMARY KEY (level);

ALTER TABLE ONLY public.figures_watermark
    ADD CONSTRAINT figures_watermark_pkey PRIMARY KEY (one);

ALTER TABLE ONLY public.gathering_agencies
    ADD CONSTRAINT gathering_agencies_pkey PRIMARY KEY (gathering_id, agency_id);

ALTER TABLE ONLY public.gathering_attachments
    ADD CONSTRAINT gathering_attachments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.gathering_attendees
    ADD CONSTRAINT gathering_attendees_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.gathering_bookings
    ADD CONSTRAINT gathering_bookings_code_key UNIQUE (code);

ALTER TABLE ONLY public.gathering_bookings
    ADD CONSTRAINT gathering_bookings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.gathering_entries
    ADD CONSTRAINT gathering_entries_pkey PRIMARY KEY (key);

ALTER TABLE ONLY public.gathering_petitions
    ADD CONSTRAINT gathering_petitions_pkey PRIMARY KEY (petition_id);

ALTER TABLE ONLY public.gathering_records
    ADD CONSTRAINT gathering_records_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.gathering_series
    ADD CONSTRAINT gathering_series_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.gathering_services
    ADD CONSTRAINT gathering_services_pkey PRIMARY KEY (gathering_id, service_type);

ALTER TABLE ONLY public.gatherings
    ADD CONSTRAINT gatherings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.grants
    ADD CONSTRAINT grants_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.hotspots
    ADD CONSTRAINT hotspots_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.hotspots
    ADD CONSTRAINT hotspots_unit_id_category_week_end_key UNIQUE (unit_id, category, week_end);

ALTER TABLE ONLY public.inspection_findings
    ADD CONSTRAINT inspection_findings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_key_key UNIQUE (key);

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.known_devices
    ADD CONSTRAINT known_devices_pkey PRIMARY KEY (token_hash, account_id);

ALTER TABLE ONLY public.matter_comments
    ADD CONSTRAINT matter_comments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.matter_meetings
    ADD CONSTRAINT matter_meetings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.matter_tasks
    ADD CONSTRAINT matter_tasks_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.matters
    ADD CONSTRAINT matters_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.norm_set_versions
    ADD CONSTRAINT norm_set_versions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.norm_set_versions
    ADD CONSTRAINT norm_set_versions_set_id_version_key UNIQUE (set_id, version);

ALTER TABLE ONLY public.norm_sets
    ADD CONSTRAINT norm_sets_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.norm_sets
    ADD CONSTRAINT norm_sets_unit_id_key_key UNIQUE (unit_id, key);

ALTER TABLE ONLY public.norms
    ADD CONSTRAINT norms_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.norms
    ADD CONSTRAINT norms_version_id_code_key UNIQUE (version_id, code);

ALTER TABLE ONLY public.notification_outbox
    ADD CONSTRAINT notification_outbox_dedupe_key_key UNIQUE (dedupe_key);

ALTER TABLE ONLY public.notification_outbox
    ADD CONSTRAINT notification_outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.official_notices
    ADD CONSTRAINT official_notices_dedupe_key_key UNIQUE (dedupe_key);

ALTER TABLE ONLY public.official_notices
    ADD CONSTRAINT official_notices_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.official_photos
    ADD CONSTRAINT official_photos_pkey PRIMARY KEY (account_id);

ALTER TABLE ONLY public.one_time_codes
    ADD CONSTRAINT one_time_codes_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.open311_requests
    ADD CONSTRAINT open311_requests_pkey PRIMARY KEY (petition_id);

ALTER TABLE ONLY public.open311_requests
    ADD CONSTRAINT open311_requests_token_key UNIQUE (token);

ALTER TABLE ONLY public.open311_services
    ADD CONSTRAINT open311_services_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.open311_updates
    ADD CONSTRAINT open311_updates_api_key_id_external_id_key UNIQUE (api_key_id, external_id);

ALTER TABLE ONLY public.open311_updates
    ADD CONSTRAINT open311_updates_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.petition_attachments
    ADD CONSTRAINT petition_attachments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.petition_drafts
    ADD CONSTRAINT petition_drafts_pkey PRIMARY KEY (token);

ALTER TABLE ONLY public.petition_events
    ADD CONSTRAINT petition_events_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.petition_ratings
    ADD CONSTRAINT petition_ratings_petitioner_id_answer_number_key UNIQUE (petitioner_id, answer_number);

ALTER TABLE ONLY public.petition_ratings
    ADD CONSTRAINT petition_ratings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.petition_reported_norms
    ADD CONSTRAINT petition_reported_norms_pkey PRIMARY KEY (petition_id, norm_id);

ALTER TABLE ONLY public.petitioners
    ADD CONSTRAINT petitioners_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_tracking_code_key UNIQUE (tracking_code);

ALTER TABLE ONLY public.ranking_settings
    ADD CONSTRAINT ranking_settings_pkey PRIMARY KEY (unit_id);

ALTER TABLE ONLY public.reception_minimums
    ADD CONSTRAINT reception_minimums_country_level_role_valid_from_key UNIQUE (country, level, role, valid_from);

ALTER TABLE ONLY public.reception_minimums
    ADD CONSTRAINT reception_minimums_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.report_targets
    ADD CONSTRAINT report_targets_unit_year UNIQUE NULLS NOT DISTINCT (unit_id, year);

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_unit_id_period_audience_key UNIQUE (unit_id, period, audience);

ALTER TABLE ONLY public.routing_models
    ADD CONSTRAINT routing_models_pkey PRIMARY KEY (target);

ALTER TABLE ONLY public.satisfaction_devices
    ADD CONSTRAINT satisfaction_devices_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.satisfaction_devices
    ADD CONSTRAINT satisfaction_devices_token_hash_key UNIQUE (token_hash);

ALTER TABLE ONLY public.satisfaction_link_keys
    ADD CONSTRAINT satisfaction_link_keys_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.satisfaction_ratings
    ADD CONSTRAINT satisfaction_ratings_booking_id_key UNIQUE (booking_id);

ALTER TABLE ONLY public.satisfaction_ratings
    ADD CONSTRAINT satisfaction_ratings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.schema_functions
    ADD CONSTRAINT schema_functions_pkey PRIMARY KEY (name);

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);

ALTER TABLE ONLY public.scorecard_criteria
    ADD CONSTRAINT scorecard_criteria_pkey PRIMARY KEY (framework_id, measure);

ALTER TABLE ONLY public.scorecard_frameworks
    ADD CONSTRAINT scorecard_frameworks_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.service_point_checklist_levels
    ADD CONSTRAINT service_point_checklist_levels_pkey PRIMARY KEY (unit_level);

ALTER TABLE ONLY public.service_point_duty
    ADD CONSTRAINT service_point_duty_pkey PRIMARY KEY (service_point_id);

ALTER TABLE ONLY public.service_point_kinds
    ADD CONSTRAINT service_point_kinds_pkey PRIMARY KEY (key);

ALTER TABLE ONLY public.service_points
    ADD CONSTRAINT service_points_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (token_hash);

ALTER TABLE ONLY public.sign_in_attempts
    ADD CONSTRAINT sign_in_attempts_pkey PRIMARY KEY (key);

ALTER TABLE ONLY public.steering_attendance
    ADD CONSTRAINT steering_attendance_pkey PRIMARY KEY (meeting_id, member_id);

ALTER TABLE ONLY public.steering_committees
    ADD CONSTRAINT steering_committees_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.steering_committees
    ADD CONSTRAINT steering_committees_unit_id_key UNIQUE (unit_id);

ALTER TABLE ONLY public.steering_decisions
    ADD CONSTRAINT steering_decisions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.steering_meetings
    ADD CONSTRAINT steering_meetings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.steering_members
    ADD CONSTRAINT steering_members_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.steering_regulations
    ADD CONSTRAINT steering_regulations_pkey PRIMARY KEY (committee_id, version);

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT subscriptions_code_key UNIQUE (code);

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT subscriptions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.task_inspections
    ADD CONSTRAINT task_inspections_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.task_progress
    ADD CONSTRAINT task_progress_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.units
    ADD CONSTRAINT units_code_key UNIQUE (code);

ALTER TABLE ONLY public.units
    ADD CONSTRAINT units_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.webhook_cursor
    ADD CONSTRAINT webhook_cursor_pkey PRIMARY KEY (one);

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_delivery_id_key UNIQUE (delivery_id);

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_subscription_id_event_source_id_key UNIQUE (subscription_id, event, source_id);

ALTER TABLE ONLY public.webhook_subscriptions
    ADD CONSTRAINT webhook_subscriptions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.yearly_reviews
    ADD CONSTRAINT yearly_reviews_pkey PRIMARY KEY (official_id, year);

CREATE INDEX access_key_failures_petition ON public.access_key_failures USING btree (petition_id, at);

CREATE INDEX accounts_agency ON public.accounts USING btree (agency_id);

CREATE UNIQUE INDEX accounts_resident_email ON public.accounts USING btree (lower(email)) WHERE ((kind = 'resident'::text) AND (email IS NOT NULL));

CREATE UNIQUE INDEX accounts_resident_phone ON public.accounts USING btree (phone) WHERE ((kind = 'resident'::text) AND (phone IS NOT NULL));

CREATE INDEX agencies_unit ON public.agencies USING btree (unit_id);

CREATE INDEX agencies_unit_kind ON public.agencies USING btree (unit_id, kind, id);

CREATE INDEX article_terms_postings ON public.article_terms USING btree (term, unit_path text_pattern_ops) INCLUDE (article_id, language, weight);

CREATE INDEX articles_source ON public.articles USING btree (source_petition_id) WHERE (source_petition_id IS NOT NULL);

CREATE INDEX articles_unit ON public.articles USING btree (unit_path text_pattern_ops, state);

CREATE INDEX audit_checkpoint_heads_subject ON public.audit_checkpoint_heads USING btree (subject_type, subject_id, checkpoint_id);

CREATE INDEX audit_events_unit ON public.audit_events USING btree (unit_id, id);

CREATE UNIQUE INDEX calendar_days_unique ON public.calendar_days USING btree (country, COALESCE(unit_id, (0)::bigint), day);

CREATE INDEX calendar_days_unit ON public.calendar_days USING btree (unit_id) WHERE (unit_id IS NOT NULL);

CREATE INDEX conduct_findings_official ON public.conduct_findings USING btree (official_id, recorded_at);

CREATE INDEX conduct_findings_unit ON public.conduct_findings USING btree (unit_path text_pattern_ops, recorded_at);

CREATE INDEX consultation_ballots_consultation ON public.consultation_ballots USING btree (consultation_id, option_id);

CREATE INDEX consultation_codes_voter ON public.consultation_codes USING btree (voter_id, id DESC);

CREATE UNIQUE INDEX consultation_voters_phone ON public.consultation_voters USING btree (consultation_id, phone) WHERE (phone IS NOT NULL);

CREATE INDEX consultations_unit ON public.consultations USING btree (unit_id, id DESC);

CREATE INDEX council_members_account ON public.council_members USING btree (account_id) WHERE (account_id IS NOT NULL);

CREATE INDEX council_members_council ON public.council_members USING btree (council_id);

CREATE INDEX councils_unit ON public.councils USING btree (unit_id);

CREATE UNIQUE INDEX deadline_policies_kind_unit ON public.deadline_policies USING btree (kind, COALESCE(unit_id, (0)::bigint), COALESCE(country, ''::text), COALESCE(channel, ''::text));

CREATE INDEX deliberation_documents_matter ON public.deliberation_documents USING btree (matter_id) WHERE (matter_id IS NOT NULL);

CREATE INDEX deliberation_documents_option ON public.deliberation_documents USING btree (option_id) WHERE (option_id IS NOT NULL);

CREATE UNIQUE INDEX deliberation_follows_consultation ON public.deliberation_follows USING btree (account_id, consultation_id) WHERE (consultation_id IS NOT NULL);

CREATE UNIQUE INDEX deliberation_follows_matter ON public.deliberation_follows USING btree (account_id, matter_id) WHERE (matter_id IS NOT NULL);

CREATE INDEX figures_answer_hist_empty ON public.figures_answer_hist USING btree (unit_id) WHERE (n = 0);

CREATE INDEX figures_counts_empty ON public.figures_counts USING btree (unit_id) WHERE (received = 0);

CREATE INDEX gathering_attachments_gathering ON public.gathering_attachments USING btree (gathering_id);

CREATE INDEX gathering_attendees_gathering ON public.gathering_attendees USING btree (gathering_id);

CREATE UNIQUE INDEX gathering_bookings_phone ON public.gathering_bookings USING btree (gathering_id, phone) WHERE (cancelled_at IS NULL);

CREATE INDEX gathering_entries_gathering ON public.gathering_entries USING btree (gathering_id);

CREATE INDEX gathering_petitions_gathering ON public.gathering_petitions USING btree (gathering_id);

CREATE INDEX gathering_records_gathering ON public.gathering_records USING btree (gathering_id);

CREATE INDEX gathering_records_open ON public.gathering_records USING btree (due_on) WHERE (done_at IS NULL);

CREATE INDEX gathering_series_unit ON public.gathering_series USING btree (unit_id);

CREATE INDEX gatherings_host ON public.gatherings USING btree (host_id, starts_at) WHERE (state <> 'cancelled'::text);

CREATE INDEX gatherings_series ON public.gatherings USING btree (series_id);

CREATE INDEX gatherings_start ON public.gatherings USING btree (starts_at);

CREATE INDEX gatherings_unit_start ON public.gatherings USING btree (unit_path text_pattern_ops, starts_at);

CREATE UNIQUE INDEX grants_unique ON public.grants USING btree (account_id, COALESCE(unit_id, (0)::bigint), role);

CREATE INDEX grants_unit ON public.grants USING btree (unit_id);

CREATE INDEX hotspots_unit ON public.hotspots USING btree (unit_path text_pattern_ops, week_end DESC);

CREATE INDEX inspection_findings_official ON public.inspection_findings USING btree (official_id, found_on);

CREATE INDEX inspection_findings_unit ON public.inspection_findings USING btree (unit_path text_pattern_ops, found_on);

CREATE INDEX jobs_finished ON public.jobs USING btree (finished_at) WHERE (state = ANY (ARRAY['done'::text, 'cancelled'::text]));

CREATE INDEX jobs_pending ON public.jobs USING btree (run_at) WHERE (state = 'pending'::text);

CREATE INDEX jobs_running ON public.jobs USING btree (locked_until) WHERE (state = 'running'::text);

CREATE INDEX known_devices_account ON public.known_devices USING btree (account_id);

CREATE INDEX known_devices_last_used ON public.known_devices USING btree (last_used_at);

CREATE INDEX matter_comments_matter ON public.matter_comments USING btree (matter_id, id);

CREATE UNIQUE INDEX matter_meetings_matter ON public.matter_meetings USING btree (matter_id);

CREATE INDEX matter_tasks_matter ON public.matter_tasks USING btree (matter_id, id);

CREATE INDEX matters_council ON public.matters USING btree (council_id, id DESC);

CREATE INDEX matters_unit_proposed ON public.matters USING btree (unit_id, proposed_at);

CREATE INDEX notification_outbox_failed ON public.notification_outbox USING btree (id) WHERE (state = 'failed'::text);

CREATE INDEX notification_outbox_pending ON public.notification_outbox USING btree (next_attempt_at) WHERE (state = 'pending'::text);

CREATE INDEX notification_outbox_sending ON public.notification_outbox USING btree (locked_until) WHERE (state = 'sending'::text);

CREATE INDEX official_notices_account ON public.official_notices USING btree (account_id, id DESC);

CREATE INDEX official_notices_unread ON public.official_notices USING btree (account_id, id DESC) WHERE (read_at IS NULL);

CREATE INDEX one_time_codes_destination ON public.one_time_codes USING btree (destination, created_at DESC);

CREATE UNIQUE INDEX open311_services_code ON public.open311_services USING btree (COALESCE(unit_id, (0)::bigint), code);

CREATE INDEX open311_updates_petition ON public.open311_updates USING btree (petition_id);

CREATE INDEX petition_attachments_petition ON public.petition_attachments USING btree (petition_id);

CREATE INDEX petition_attachments_resident ON public.petition_attachments USING btree (uploaded_by_resident) WHERE (uploaded_by_resident IS NOT NULL);

CREATE INDEX petition_drafts_unit ON public.petition_drafts USING btree (unit_path text_pattern_ops, started_at);

CREATE INDEX petition_events_petition ON public.petition_events USING btree (petition_id, id);

CREATE INDEX petition_ratings_case ON public.petition_ratings USING btree (case_id);

CREATE INDEX petitioners_account ON public.petitioners USING btree (resident_account_id) WHERE (resident_account_id IS NOT NULL);

CREATE INDEX petitioners_petition ON public.petitioners USING btree (petition_id);

CREATE INDEX petitioners_phone ON public.petitioners USING btree (phone_key) WHERE (phone_key IS NOT NULL);

CREATE INDEX petitions_case ON public.petitions USING btree (case_id) WHERE (case_id IS NOT NULL);

CREATE INDEX petitions_due ON public.petitions USING btree (due_at, id);

CREATE INDEX petitions_handler ON public.petitions USING btree (handler_id, status) INCLUDE (id, due_at, reported_official_id, answered_at, reopen_count, channel);

CREATE INDEX petitions_handler_search ON public.petitions USING btree (handler_id) INCLUDE (id, due_at, reported_official_id, search) WHERE ((handler_id IS NOT NULL) AND ((octet_length((search)::text) + (4 * length(search))) <= 2300));

CREATE INDEX petitions_handler_search_long ON public.petitions USING btree (handler_id) WHERE ((handler_id IS NOT NULL) AND (NOT ((octet_length((search)::text) + (4 * length(search))) <= 2300)));

CREATE INDEX petitions_inbox ON public.petitions USING btree (unit_path text_pattern_ops, status, due_at) INCLUDE (id, kind, channel, category, handler_id, leader_id, reported_official_id, ack_due_at);

CREATE INDEX petitions_leader ON public.petitions USING btree (leader_id, status) INCLUDE (id, due_at, reported_official_id);

CREATE INDEX petitions_open_due ON public.petitions USING btree (due_at) WHERE (status = ANY (ARRAY['received'::text, 'accepted'::text, 'transferred'::text, 'assigned'::text, 'in_progress'::text, 'reopened'::text]));

CREATE INDEX petitions_open_inbox ON public.petitions USING btree (unit_path text_pattern_ops, status, due_at) INCLUDE (id, kind, channel, category, handler_id, leader_id, reported_official_id, ack_due_at) WHERE (status = ANY (ARRAY['received'::text, 'accepted'::text, 'transferred'::text, 'assigned'::text, 'in_progress'::text, 'reopened'::text]));

CREATE INDEX petitions_origin ON public.petitions USING btree (origin_unit_path text_pattern_ops, submitted_at);

CREATE INDEX petitions_public_newest ON public.petitions USING btree (submitted_at DESC, id DESC, origin_unit_path text_pattern_ops) WHERE (consent_to_publish AND (case_id IS NULL) AND (kind = ANY (ARRAY['question'::text, 'suggestion'::text, 'help_request'::text])) AND (status <> ALL (ARRAY['rejected'::text, 'merged'::text])));

CREATE INDEX petitions_public_search ON public.petitions USING btree (origin_unit_path text_pattern_ops, submitted_at DESC) INCLUDE (id, search) WHERE (consent_to_publish AND (case_id IS NULL) AND (kind = ANY (ARRAY['question'::text, 'suggestion'::text, 'help_request'::text])) AND (status <> ALL (ARRAY['rejected'::text, 'merged'::text])) AND ((octet_length((search)::text) + (4 * length(search))) <= 2300));

CREATE INDEX petitions_public_search_long ON public.petitions USING btree (origin_unit_path text_pattern_ops) WHERE (consent_to_publish AND (case_id IS NULL) AND (kind = ANY (ARRAY['question'::text, 'suggestion'::text, 'help_request'::text])) AND (status <> ALL (ARRAY['rejected'::text, 'merged'::text])) AND (NOT ((octet_length((search)::text) + (4 * length(search))) <= 2300)));

CREATE INDEX petitions_reported ON public.petitions USING btree (reported_official_id) WHERE (reported_official_id IS NOT NULL);

CREATE INDEX petitions_search ON public.petitions USING gin (search);

CREATE INDEX reports_unit ON public.reports USING btree (unit_id, from_day DESC);

CREATE UNIQUE INDEX satisfaction_devices_code ON public.satisfaction_devices USING btree (enrolment_code_hash) WHERE (enrolment_code_hash IS NOT NULL);

CREATE INDEX satisfaction_ratings_device ON public.satisfaction_ratings USING btree (device_id, created_at);

CREATE INDEX satisfaction_ratings_gathering ON public.satisfaction_ratings USING btree (gathering_id) WHERE (gathering_id IS NOT NULL);

CREATE INDEX satisfaction_ratings_official ON public.satisfaction_ratings USING btree (official_id, created_at);

CREATE INDEX satisfaction_ratings_rater ON public.satisfaction_ratings USING btree (rater_hash, created_at);

CREATE INDEX satisfaction_ratings_unit ON public.satisfaction_ratings USING btree (unit_path text_pattern_ops, created_at);

CREATE UNIQUE INDEX scorecard_frameworks_unit_position ON public.scorecard_frameworks USING btree (unit_id, COALESCE("position", ''::text));

CREATE INDEX service_points_unit ON public.service_points USING btree (unit_id);

CREATE INDEX service_points_unit_kind ON public.service_points USING btree (unit_id, kind);

CREATE INDEX sessions_account ON public.sessions USING btree (account_id);

CREATE INDEX sessions_expires ON public.sessions USING btree (expires_at);

CREATE INDEX sign_in_attempts_window ON public.sign_in_attempts USING btree (window_ends);

CREATE INDEX steering_decisions_committee ON public.steering_decisions USING btree (committee_id, id);

CREATE INDEX steering_decisions_open_due ON public.steering_decisions USING btree (due_at) WHERE (status = 'open'::text);

CREATE INDEX steering_meetings_committee ON public.steering_meetings USING btree (committee_id, held_on DESC);

CREATE INDEX steering_members_committee ON public.steering_members USING btree (committee_id, position_order, id);

CREATE UNIQUE INDEX subscriptions_active ON public.subscriptions USING btree (channel, recipient, COALESCE(unit_id, (0)::bigint), COALESCE(category, ''::text)) WHERE (unsubscribed_at IS NULL);

CREATE INDEX subscriptions_unit ON public.subscriptions USING btree (unit_path text_pattern_ops) WHERE (unsubscribed_at IS NULL);

CREATE INDEX task_inspections_matter ON public.task_inspections USING btree (matter_id, id);

CREATE INDEX task_progress_task ON public.task_progress USING btree (task_id, id);

CREATE INDEX units_parent ON public.units USING btree (parent_id);

CREATE INDEX units_path ON public.units USING btree (path text_pattern_ops);

CREATE INDEX units_search ON public.units USING gin (search_key public.gin_trgm_ops);

CREATE INDEX webhook_deliveries_subscription ON public.webhook_deliveries USING btree (subscription_id, id DESC);

CREATE TRIGGER petitions_figures_delete AFTER DELETE ON public.petitions FOR EACH ROW EXECUTE FUNCTION public.figures_petition_changed();

CREATE TRIGGER petitions_figures_insert AFTER INSERT ON public.petitions FOR EACH ROW EXECUTE FUNCTION public.figures_petition_changed();

CREATE TRIGGER petitions_figures_update AFTER UPDATE ON public.petitions FOR EACH ROW WHEN ((((((((((((((((old.origin_unit_id IS DISTINCT FROM new.origin_unit_id) OR (old.origin_unit_path IS DISTINCT FROM new.origin_unit_path)) OR (old.submitted_at IS DISTINCT FROM new.submitted_at)) OR (old.kind IS DISTINCT FROM new.kind)) OR (old.channel IS DISTINCT FROM new.channel)) OR (old.category IS DISTINCT FROM new.category)) OR ((old.accepted_at IS NULL) IS DISTINCT FROM (new.accepted_at IS NULL))) OR ((old.rejected_at IS NULL) IS DISTINCT FROM (new.rejected_at IS NULL))) OR (old.answered_at IS DISTINCT FROM new.answered_at)) OR (old.resolved IS DISTINCT FROM new.resolved)) OR (old.resolved_on_time IS DISTINCT FROM new.resolved_on_time)) OR (old.escalated_to_path IS DISTINCT FROM new.escalated_to_path)) OR ((old.transfer_count > 0) IS DISTINCT FROM (new.transfer_count > 0))) OR (old.rating IS DISTINCT FROM new.rating)) OR (
        CASE
            WHEN (old.status = ANY (ARRAY['received'::text, 'accepted'::text, 'transferred'::text, 'assigned'::text, 'in_progress'::text, 'reopened'::text])) THEN old.due_at
            ELSE NULL::timestamp with time zone
        END IS DISTINCT FROM
        CASE
            WHEN (new.status = ANY (ARRAY['received'::text, 'accepted'::text, 'transferred'::text, 'assigned'::text, 'in_progress'::text, 'reopened'::text])) THEN new.due_at
            ELSE NULL::timestamp with time zone
        END))) EXECUTE FUNCTION public.figures_petition_changed();

CREATE TRIGGER reports_frozen BEFORE UPDATE ON public.reports FOR EACH ROW EXECUTE FUNCTION public.reports_never_change();

ALTER TABLE ONLY public.access_key_failures
    ADD CONSTRAINT access_key_failures_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);

ALTER TABLE ONLY public.agencies
    ADD CONSTRAINT agencies_kind_fk FOREIGN KEY (kind) REFERENCES public.agency_kinds(key);

ALTER TABLE ONLY public.agencies
    ADD CONSTRAINT agencies_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.answer_approval_units
    ADD CONSTRAINT answer_approval_units_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.answer_approval_units
    ADD CONSTRAINT answer_approval_units_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.api_key_usage
    ADD CONSTRAINT api_key_usage_key_id_fkey FOREIGN KEY (key_id) REFERENCES public.api_keys(id);

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.article_terms
    ADD CONSTRAINT article_terms_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.articles(id);

ALTER TABLE ONLY public.article_versions
    ADD CONSTRAINT article_versions_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.articles(id);

ALTER TABLE ONLY public.article_versions
    ADD CONSTRAINT article_versions_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_reviewed_by_fkey FOREIGN KEY (reviewed_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_service_point_id_fkey FOREIGN KEY (service_point_id) REFERENCES public.service_points(id);

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_source_petition_id_fkey FOREIGN KEY (source_petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.audit_checkpoint_heads
    ADD CONSTRAINT audit_checkpoint_heads_checkpoint_id_fkey FOREIGN KEY (checkpoint_id) REFERENCES public.audit_checkpoints(id);

ALTER TABLE ONLY public.calendar_days
    ADD CONSTRAINT calendar_days_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.conduct_findings
    ADD CONSTRAINT conduct_findings_official_id_fkey FOREIGN KEY (official_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.conduct_findings
    ADD CONSTRAINT conduct_findings_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.conduct_findings
    ADD CONSTRAINT conduct_findings_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.consultation_ballots
    ADD CONSTRAINT consultation_ballots_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultations(id);

ALTER TABLE ONLY public.consultation_ballots
    ADD CONSTRAINT consultation_ballots_option_id_fkey FOREIGN KEY (option_id) REFERENCES public.consultation_options(id);

ALTER TABLE ONLY public.consultation_codes
    ADD CONSTRAINT consultation_codes_voter_id_fkey FOREIGN KEY (voter_id) REFERENCES public.consultation_voters(id);

ALTER TABLE ONLY public.consultation_options
    ADD CONSTRAINT consultation_options_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultations(id);

ALTER TABLE ONLY public.consultation_voters
    ADD CONSTRAINT consultation_voters_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultations(id);

ALTER TABLE ONLY public.consultations
    ADD CONSTRAINT consultations_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.council_members
    ADD CONSTRAINT council_members_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.council_members
    ADD CONSTRAINT council_members_council_id_fkey FOREIGN KEY (council_id) REFERENCES public.councils(id);

ALTER TABLE ONLY public.councils
    ADD CONSTRAINT councils_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.deadline_actions
    ADD CONSTRAINT deadline_actions_escalated_to_fkey FOREIGN KEY (escalated_to) REFERENCES public.units(id);

ALTER TABLE ONLY public.deadline_actions
    ADD CONSTRAINT deadline_actions_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.deadline_policies
    ADD CONSTRAINT deadline_policies_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.deadline_policies
    ADD CONSTRAINT deadline_policies_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.deliberation_documents
    ADD CONSTRAINT deliberation_documents_matter_id_fkey FOREIGN KEY (matter_id) REFERENCES public.matters(id);

ALTER TABLE ONLY public.deliberation_documents
    ADD CONSTRAINT deliberation_documents_option_id_fkey FOREIGN KEY (option_id) REFERENCES public.consultation_options(id);

ALTER TABLE ONLY public.deliberation_follows
    ADD CONSTRAINT deliberation_follows_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.deliberation_follows
    ADD CONSTRAINT deliberation_follows_matter_id_fkey FOREIGN KEY (matter_id) REFERENCES public.matters(id);

ALTER TABLE ONLY public.gathering_agencies
    ADD CONSTRAINT gathering_agencies_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);

ALTER TABLE ONLY public.gathering_agencies
    ADD CONSTRAINT gathering_agencies_gathering_id_fkey FOREIGN KEY (gathering_id) REFERENCES public.gatherings(id);

ALTER TABLE ONLY public.gathering_attachments
    ADD CONSTRAINT gathering_attachments_gathering_id_fkey FOREIGN KEY (gathering_id) REFERENCES public.gatherings(id);

ALTER TABLE ONLY public.gathering_attachments
    ADD CONSTRAINT gathering_attachments_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.gathering_attendees
    ADD CONSTRAINT gathering_attendees_gathering_id_fkey FOREIGN KEY (gathering_id) REFERENCES public.gatherings(id);

ALTER TABLE ONLY public.gathering_bookings
    ADD CONSTRAINT gathering_bookings_gathering_id_fkey FOREIGN KEY (gathering_id) REFERENCES public.gatherings(id);

ALTER TABLE ONLY public.gathering_entries
    ADD CONSTRAINT gathering_entries_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.gathering_entries
    ADD CONSTRAINT gathering_entries_gathering_id_fkey FOREIGN KEY (gathering_id) REFERENCES public.gatherings(id);

ALTER TABLE ONLY public.gathering_petitions
    ADD CONSTRAINT gathering_petitions_gathering_id_fkey FOREIGN KEY (gathering_id) REFERENCES public.gatherings(id);

ALTER TABLE ONLY public.gathering_petitions
    ADD CONSTRAINT gathering_petitions_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.gathering_records
    ADD CONSTRAINT gathering_records_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.gathering_records
    ADD CONSTRAINT gathering_records_gathering_id_fkey FOREIGN KEY (gathering_id) REFERENCES public.gatherings(id);

ALTER TABLE ONLY public.gathering_records
    ADD CONSTRAINT gathering_records_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.gathering_series
    ADD CONSTRAINT gathering_series_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.gathering_series
    ADD CONSTRAINT gathering_series_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.gathering_services
    ADD CONSTRAINT gathering_services_gathering_id_fkey FOREIGN KEY (gathering_id) REFERENCES public.gatherings(id);

ALTER TABLE ONLY public.gatherings
    ADD CONSTRAINT gatherings_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.gatherings
    ADD CONSTRAINT gatherings_host_id_fkey FOREIGN KEY (host_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.gatherings
    ADD CONSTRAINT gatherings_series_id_fkey FOREIGN KEY (series_id) REFERENCES public.gathering_series(id);

ALTER TABLE ONLY public.gatherings
    ADD CONSTRAINT gatherings_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.grants
    ADD CONSTRAINT grants_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.grants
    ADD CONSTRAINT grants_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.hotspots
    ADD CONSTRAINT hotspots_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.inspection_findings
    ADD CONSTRAINT inspection_findings_entered_by_fkey FOREIGN KEY (entered_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.inspection_findings
    ADD CONSTRAINT inspection_findings_official_id_fkey FOREIGN KEY (official_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.inspection_findings
    ADD CONSTRAINT inspection_findings_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.known_devices
    ADD CONSTRAINT known_devices_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.matter_comments
    ADD CONSTRAINT matter_comments_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.matter_comments
    ADD CONSTRAINT matter_comments_matter_id_fkey FOREIGN KEY (matter_id) REFERENCES public.matters(id);

ALTER TABLE ONLY public.matter_comments
    ADD CONSTRAINT matter_comments_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.council_members(id);

ALTER TABLE ONLY public.matter_meetings
    ADD CONSTRAINT matter_meetings_matter_id_fkey FOREIGN KEY (matter_id) REFERENCES public.matters(id);

ALTER TABLE ONLY public.matter_tasks
    ADD CONSTRAINT matter_tasks_matter_id_fkey FOREIGN KEY (matter_id) REFERENCES public.matters(id);

ALTER TABLE ONLY public.matters
    ADD CONSTRAINT matters_council_id_fkey FOREIGN KEY (council_id) REFERENCES public.councils(id);

ALTER TABLE ONLY public.matters
    ADD CONSTRAINT matters_proposer_member_id_fkey FOREIGN KEY (proposer_member_id) REFERENCES public.council_members(id);

ALTER TABLE ONLY public.matters
    ADD CONSTRAINT matters_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.norm_set_versions
    ADD CONSTRAINT norm_set_versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.norm_set_versions
    ADD CONSTRAINT norm_set_versions_set_id_fkey FOREIGN KEY (set_id) REFERENCES public.norm_sets(id);

ALTER TABLE ONLY public.norm_sets
    ADD CONSTRAINT norm_sets_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.norms
    ADD CONSTRAINT norms_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.norm_set_versions(id);

ALTER TABLE ONLY public.official_notices
    ADD CONSTRAINT official_notices_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.official_photos
    ADD CONSTRAINT official_photos_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.official_photos
    ADD CONSTRAINT official_photos_sha256_fkey FOREIGN KEY (sha256) REFERENCES public.attachment_contents(sha256);

ALTER TABLE ONLY public.official_photos
    ADD CONSTRAINT official_photos_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.open311_requests
    ADD CONSTRAINT open311_requests_api_key_id_fkey FOREIGN KEY (api_key_id) REFERENCES public.api_keys(id);

ALTER TABLE ONLY public.open311_requests
    ADD CONSTRAINT open311_requests_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.open311_requests
    ADD CONSTRAINT open311_requests_service_id_fkey FOREIGN KEY (service_id) REFERENCES public.open311_services(id);

ALTER TABLE ONLY public.open311_services
    ADD CONSTRAINT open311_services_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.open311_updates
    ADD CONSTRAINT open311_updates_api_key_id_fkey FOREIGN KEY (api_key_id) REFERENCES public.api_keys(id);

ALTER TABLE ONLY public.open311_updates
    ADD CONSTRAINT open311_updates_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.petition_attachments
    ADD CONSTRAINT petition_attachments_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.petition_attachments
    ADD CONSTRAINT petition_attachments_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petition_attachments
    ADD CONSTRAINT petition_attachments_uploaded_by_resident_fkey FOREIGN KEY (uploaded_by_resident) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petition_drafts
    ADD CONSTRAINT petition_drafts_opened_article_id_fkey FOREIGN KEY (opened_article_id) REFERENCES public.articles(id);

ALTER TABLE ONLY public.petition_drafts
    ADD CONSTRAINT petition_drafts_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.petition_events
    ADD CONSTRAINT petition_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petition_events
    ADD CONSTRAINT petition_events_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.petition_events
    ADD CONSTRAINT petition_events_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.petition_ratings
    ADD CONSTRAINT petition_ratings_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.petition_ratings
    ADD CONSTRAINT petition_ratings_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.petition_ratings
    ADD CONSTRAINT petition_ratings_petitioner_id_fkey FOREIGN KEY (petitioner_id) REFERENCES public.petitioners(id);

ALTER TABLE ONLY public.petition_reported_norms
    ADD CONSTRAINT petition_reported_norms_norm_id_fkey FOREIGN KEY (norm_id) REFERENCES public.norms(id);

ALTER TABLE ONLY public.petition_reported_norms
    ADD CONSTRAINT petition_reported_norms_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.petitioners
    ADD CONSTRAINT petitioners_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.petitioners
    ADD CONSTRAINT petitioners_resident_account_id_fkey FOREIGN KEY (resident_account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_answered_by_fkey FOREIGN KEY (answered_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.petitions(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_handler_id_fkey FOREIGN KEY (handler_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_leader_id_fkey FOREIGN KEY (leader_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_origin_unit_id_fkey FOREIGN KEY (origin_unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_pending_answer_by_fkey FOREIGN KEY (pending_answer_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_reported_official_id_fkey FOREIGN KEY (reported_official_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.ranking_settings
    ADD CONSTRAINT ranking_settings_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.ranking_settings
    ADD CONSTRAINT ranking_settings_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.report_targets
    ADD CONSTRAINT report_targets_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.report_targets
    ADD CONSTRAINT report_targets_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.satisfaction_devices
    ADD CONSTRAINT satisfaction_devices_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.satisfaction_devices
    ADD CONSTRAINT satisfaction_devices_service_point_id_fkey FOREIGN KEY (service_point_id) REFERENCES public.service_points(id);

ALTER TABLE ONLY public.satisfaction_ratings
    ADD CONSTRAINT satisfaction_ratings_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES public.gathering_bookings(id);

ALTER TABLE ONLY public.satisfaction_ratings
    ADD CONSTRAINT satisfaction_ratings_device_id_fkey FOREIGN KEY (device_id) REFERENCES public.satisfaction_devices(id);

ALTER TABLE ONLY public.satisfaction_ratings
    ADD CONSTRAINT satisfaction_ratings_gathering_id_fkey FOREIGN KEY (gathering_id) REFERENCES public.gatherings(id);

ALTER TABLE ONLY public.satisfaction_ratings
    ADD CONSTRAINT satisfaction_ratings_official_id_fkey FOREIGN KEY (official_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.satisfaction_ratings
    ADD CONSTRAINT satisfaction_ratings_service_point_id_fkey FOREIGN KEY (service_point_id) REFERENCES public.service_points(id);

ALTER TABLE ONLY public.satisfaction_ratings
    ADD CONSTRAINT satisfaction_ratings_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.scorecard_criteria
    ADD CONSTRAINT scorecard_criteria_framework_id_fkey FOREIGN KEY (framework_id) REFERENCES public.scorecard_frameworks(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.scorecard_frameworks
    ADD CONSTRAINT scorecard_frameworks_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.scorecard_frameworks
    ADD CONSTRAINT scorecard_frameworks_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.service_point_duty
    ADD CONSTRAINT service_point_duty_official_id_fkey FOREIGN KEY (official_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.service_point_duty
    ADD CONSTRAINT service_point_duty_service_point_id_fkey FOREIGN KEY (service_point_id) REFERENCES public.service_points(id);

ALTER TABLE ONLY public.service_point_duty
    ADD CONSTRAINT service_point_duty_set_by_fkey FOREIGN KEY (set_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.service_points
    ADD CONSTRAINT service_points_kind_fkey FOREIGN KEY (kind) REFERENCES public.service_point_kinds(key);

ALTER TABLE ONLY public.service_points
    ADD CONSTRAINT service_points_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.steering_attendance
    ADD CONSTRAINT steering_attendance_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES public.steering_meetings(id);

ALTER TABLE ONLY public.steering_attendance
    ADD CONSTRAINT steering_attendance_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.steering_members(id);

ALTER TABLE ONLY public.steering_committees
    ADD CONSTRAINT steering_committees_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.steering_committees
    ADD CONSTRAINT steering_committees_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.steering_decisions
    ADD CONSTRAINT steering_decisions_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id);

ALTER TABLE ONLY public.steering_decisions
    ADD CONSTRAINT steering_decisions_escalated_to_unit_id_fkey FOREIGN KEY (escalated_to_unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.steering_decisions
    ADD CONSTRAINT steering_decisions_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES public.steering_meetings(id);

ALTER TABLE ONLY public.steering_decisions
    ADD CONSTRAINT steering_decisions_owner_member_id_fkey FOREIGN KEY (owner_member_id) REFERENCES public.steering_members(id);

ALTER TABLE ONLY public.steering_decisions
    ADD CONSTRAINT steering_decisions_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.steering_meetings
    ADD CONSTRAINT steering_meetings_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id);

ALTER TABLE ONLY public.steering_meetings
    ADD CONSTRAINT steering_meetings_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.steering_members
    ADD CONSTRAINT steering_members_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.steering_members
    ADD CONSTRAINT steering_members_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id);

ALTER TABLE ONLY public.steering_regulations
    ADD CONSTRAINT steering_regulations_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id);

ALTER TABLE ONLY public.steering_regulations
    ADD CONSTRAINT steering_regulations_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT subscriptions_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.task_inspections
    ADD CONSTRAINT task_inspections_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.task_inspections
    ADD CONSTRAINT task_inspections_matter_id_fkey FOREIGN KEY (matter_id) REFERENCES public.matters(id);

ALTER TABLE ONLY public.task_inspections
    ADD CONSTRAINT task_inspections_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.matter_tasks(id);

ALTER TABLE ONLY public.task_progress
    ADD CONSTRAINT task_progress_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.matter_tasks(id);

ALTER TABLE ONLY public.units
    ADD CONSTRAINT units_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.units
    ADD CONSTRAINT units_replaced_by_id_fkey FOREIGN KEY (replaced_by_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.webhook_subscriptions(id);

ALTER TABLE ONLY public.webhook_subscriptions
    ADD CONSTRAINT webhook_subscriptions_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.webhook_subscriptions
    ADD CONSTRAINT webhook_subscriptions_disabled_by_fkey FOREIGN KEY (disabled_by) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.webhook_subscriptions
    ADD CONSTRAINT webhook_subscriptions_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);

ALTER TABLE ONLY public.yearly_reviews
    ADD CONSTRAINT yearly_reviews_leader_id_fkey FOREIGN KEY (leader_id) REFERENCES public.accounts(id);

ALTER TABLE ONLY public.yearly_reviews
    ADD CONSTRAINT yearly_reviews_official_id_fkey FOREIGN KEY (official_id) REFERENCES public.accounts(id);

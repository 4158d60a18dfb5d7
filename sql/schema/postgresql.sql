-- gim-conformance: the SUBSET of Genesys Info Mart's PostgreSQL data model that
-- sql/irf-descriptors.sql and the example reports in sql/reports/ read and `gim-conformance seed-db`
-- writes: the tables a chat report joins. It is not GIM's schema:
-- a real Info Mart has many more tables and columns (IRF alone has well over a hundred). Names
-- and types are GIM's wherever they could be read; each table says where its columns come from:
--   [PDMPostgre]  read in GIM's PostgreSQL Physical Data Model (docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-<NAME>)
--   [PDMOra]      read in the Oracle model; types translated as GIM's PostgreSQL model translates
--                 them elsewhere (NUMBER(10) -> integer, NUMBER(19) -> numeric(19), VARCHAR2(n CHAR) -> varchar(n))
--   [sibling]     column name seen in practitioners' GIM SQL; type taken from the same column in a
--                 documented sibling table (e.g. IXN_RESOURCE_STATE_FACT: RESOURCE_KEY integer,
--                 INTERACTION_RESOURCE_ID numeric(19), START_TS integer)
--   [PDMdraft]    read in the column list of a sibling GIM PDM page that shows all three databases'
--                 types (e.g. Documentation:GIM:Library:Table-IRF_USER_DATA_CUST_1:8.5DRAFT:
--                 INTERACTION_RESOURCE_ID numeric(19), START_DATE_TIME_KEY/TENANT_KEY integer, audit
--                 keys numeric(19); Table-SM_MEDIA_NEUTRAL_STATE_FACT:8.5DRAFT: *_DATE_TIME_KEY,
--                 RESOURCE_KEY, START_TS/END_TS integer, flags numeric(1)) and applied to the same column
--                 in this table
--   [hypothesis]  neither; kept because the harness or a report needs it, type chosen to match the family
-- Each table names its PDM page: https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-<NAME>.
-- The stored copies of those pages show only each page's opening (description, version notes), never
-- its column list, so unless a table says [PDMPostgre] the column list is NOT GIM's complete list: it is
-- the SUBSET practitioners' reports use, and the types follow the legend above.
-- Identifiers are unquoted, so PostgreSQL folds them to lower case, as in a GIM database created
-- by GIM's own scripts; queries may spell them in upper case.
-- Times: *_TS are integer seconds since 1970-01-01 UTC and *_DATE_TIME_KEY the start of the
-- 15-minute interval holding them, in the same unit, as GIM stores them.
-- Idempotent: every statement is IF NOT EXISTS, so `seed-db` can run it against a database that
-- already has the tables.

-- One row per interaction from the customer's view. [PDMPostgre]
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-INTERACTION_FACT
CREATE TABLE IF NOT EXISTS INTERACTION_FACT (
  INTERACTION_ID numeric(19) NOT NULL PRIMARY KEY,
  TENANT_KEY integer NOT NULL,
  INTERACTION_TYPE_KEY integer NOT NULL,
  MEDIA_TYPE_KEY integer NOT NULL,
  MEDIA_SERVER_ROOT_IXN_GUID varchar(50),
  MEDIA_SERVER_IXN_GUID varchar(50),
  START_TS integer,
  END_TS integer,
  START_DATE_TIME_KEY integer NOT NULL,
  END_DATE_TIME_KEY integer,
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- The role a resource played and the technical result of its attempt; one row per distinct
-- combination; codes are the names upper-cased. All of GIM's columns. [PDMOra]
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-TECHNICAL_DESCRIPTOR
-- "populated with data upon Info Mart initialization" (PDMPostgre/InfoMartTables): seed-db
-- pre-populates every combination the reference classifier's rules can produce (seed-descriptors.ts).
CREATE TABLE IF NOT EXISTS TECHNICAL_DESCRIPTOR (
  TECHNICAL_DESCRIPTOR_KEY integer NOT NULL PRIMARY KEY,
  TECHNICAL_RESULT varchar(255),
  TECHNICAL_RESULT_CODE varchar(32),
  RESULT_REASON varchar(255),
  RESULT_REASON_CODE varchar(32),
  RESOURCE_ROLE varchar(255),
  RESOURCE_ROLE_CODE varchar(32),
  ROLE_REASON varchar(255),
  ROLE_REASON_CODE varchar(32),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- Media types; chat is online. [PDMPostgre] names; [hypothesis] types.
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-MEDIA_TYPE
CREATE TABLE IF NOT EXISTS MEDIA_TYPE (
  MEDIA_TYPE_KEY integer NOT NULL PRIMARY KEY,
  MEDIA_NAME varchar(64),
  MEDIA_NAME_CODE varchar(32),
  IS_ONLINE numeric(1),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- Execution history of Job_TransformGIM, the job that writes IRF rows; JOB_VERSION is the GIM
-- release that ran it (e.g. 8.5.116.12), which `--sut postgres` reports as the GIM version.
-- seed-db adds one row per seeding, with JOB_VERSION 'gim-conformance seed-db ...'. [PDMPostgre]
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-CTL_TRANSFORM_HISTORY
CREATE TABLE IF NOT EXISTS CTL_TRANSFORM_HISTORY (
  JOB_ID varchar(64) NOT NULL,
  JOB_VERSION varchar(64),
  HWM_NAME varchar(255),
  HWM_VALUE numeric(19) NOT NULL,
  HWM_VALUE2 varchar(255),
  TRANSFORM_START_TIME timestamp(3),
  TRANSFORM_END_TIME timestamp(3),
  ROW_COUNT integer,
  CREATED_TS integer NOT NULL,
  AUDIT_KEY numeric(19) NOT NULL
);

-- Agents, queues, routing points and strategies, plus the NONE and UNKNOWN resources every Info
-- Mart has (facts point at NONE where no resource applies, e.g. LAST_VQUEUE_RESOURCE_KEY of an IRF
-- no queue distributed). [sibling] names (RESOURCE_TYPE_CODE 'AGENT', 'QUEUE', RESOURCE_SUBTYPE
-- 'Agent', AGENT_FIRST_NAME, AGENT_LAST_NAME, AGENT_NAME appear in practitioners' GIM SQL);
-- [PDMdraft] RESOURCE_KEY, TENANT_KEY and audit keys; [hypothesis] the varchar lengths.
-- SUBSET: GIM's RESOURCE_ has more columns (switch, DN, employee id, ...).
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-RESOURCE_
CREATE TABLE IF NOT EXISTS RESOURCE_ (
  RESOURCE_KEY integer NOT NULL PRIMARY KEY,
  TENANT_KEY integer NOT NULL,
  RESOURCE_TYPE varchar(255),
  RESOURCE_TYPE_CODE varchar(32),
  RESOURCE_SUBTYPE varchar(255),
  RESOURCE_NAME varchar(255),
  AGENT_FIRST_NAME varchar(64),
  AGENT_LAST_NAME varchar(64),
  AGENT_NAME varchar(255),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- The direction of an interaction: INTERACTION_TYPE Unknown/Internal/Inbound/Outbound with codes
-- UNKNOWN/INTERNAL/INBOUND/OUTBOUND, and its subtype; names may be localized, codes never are.
-- [PDMPostgre] names (description text of the page); [PDMdraft] keys; [hypothesis] lengths.
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-INTERACTION_TYPE
CREATE TABLE IF NOT EXISTS INTERACTION_TYPE (
  INTERACTION_TYPE_KEY integer NOT NULL PRIMARY KEY,
  INTERACTION_TYPE varchar(255),
  INTERACTION_TYPE_CODE varchar(32),
  INTERACTION_SUBTYPE varchar(255),
  INTERACTION_SUBTYPE_CODE varchar(32),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- One row per 15-minute interval: DATE_TIME_KEY is the interval's start in seconds since 1970 UTC,
-- the value of every fact's *_DATE_TIME_KEY (DBCompatibility/Time-RelatedTablesandFields: "Identifies
-- the start of a 15-minute interval"; GIMDateTime: "0 equals 1970 January 1 in UTC"). The labels are
-- the ones reports group on, in UTC (GIM can be given custom DATE_TIME tables for other zones).
-- [sibling] names (LABEL_* , CAL_DATE, CAL_DAY_NAME, CAL_HOUR_24_NUM_IN_DAY in practitioners' SQL);
-- [hypothesis] types. SUBSET: GIM's table has more calendar columns, and the single far-future row
-- it keeps for open facts is not written (seeded facts are all closed).
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-DATE_TIME
CREATE TABLE IF NOT EXISTS DATE_TIME (
  DATE_TIME_KEY integer NOT NULL PRIMARY KEY,
  CAL_DATE timestamp(0) NOT NULL,
  CAL_DAY_NAME varchar(16),
  CAL_HOUR_24_NUM_IN_DAY integer,
  LABEL_YYYY varchar(4),
  LABEL_YYYY_MM varchar(7),
  LABEL_YYYY_MM_DD varchar(10),
  LABEL_YYYY_MM_DD_HH24 varchar(13),
  LABEL_YYYY_MM_DD_HH24_MI varchar(16),
  LABEL_YYYY_MM_DD_HH24_15INT varchar(16),
  LABEL_HH24 varchar(2)
);

-- Which queue, agent group or skill expression a strategy targeted. [sibling] names
-- (ROUTING_TARGET_TYPE(_CODE), TARGET_OBJECT_SELECTED, AGENT_GROUP_NAME, PLACE_GROUP_NAME,
-- SKILL_EXPRESSION in practitioners' SQL); [hypothesis] types. The event log carries no routing
-- target, so seed-db writes one UNKNOWN row and every IRF points at it.
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-ROUTING_TARGET
CREATE TABLE IF NOT EXISTS ROUTING_TARGET (
  ROUTING_TARGET_KEY integer NOT NULL PRIMARY KEY,
  TENANT_KEY integer NOT NULL,
  ROUTING_TARGET_TYPE varchar(255),
  ROUTING_TARGET_TYPE_CODE varchar(32),
  TARGET_OBJECT_SELECTED varchar(255),
  AGENT_GROUP_NAME varchar(255),
  PLACE_GROUP_NAME varchar(255),
  SKILL_EXPRESSION varchar(255),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- Flags that mark an IRF as the first of its kind, so a report can count each interaction or each
-- agent's engagement once. [hypothesis] column names and types (the PDM page's column list could
-- not be read; practitioners' SQL only joins IRF.ANCHOR_FLAGS_KEY = ANCHOR_FLAGS.ANCHOR_FLAGS_KEY).
-- One row per distinct combination, computed from the IRFs (seed-dimensions.ts).
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-ANCHOR_FLAGS
CREATE TABLE IF NOT EXISTS ANCHOR_FLAGS (
  ANCHOR_FLAGS_KEY integer NOT NULL PRIMARY KEY,
  FIRST_IRF_FOR_IXN numeric(1) NOT NULL,
  FIRST_ENGAGE_FOR_IXN numeric(1) NOT NULL,
  FIRST_ENGAGE_FOR_AGENT_IXN numeric(1) NOT NULL,
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- Business attributes from user data (customer segment, service type, ...). [sibling] names
-- (practitioners' SQL and a copy of the table: CUSTOMER_SEGMENT, SERVICE_TYPE, SERVICE_SUBTYPE,
-- BUSINESS_RESULT); [hypothesis] types. The event log carries no user data: seed-db writes one row
-- with all four NULL, and every IRF points at it.
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-INTERACTION_DESCRIPTOR
CREATE TABLE IF NOT EXISTS INTERACTION_DESCRIPTOR (
  INTERACTION_DESCRIPTOR_KEY integer NOT NULL PRIMARY KEY,
  TENANT_KEY integer NOT NULL,
  CUSTOMER_SEGMENT varchar(255),
  SERVICE_TYPE varchar(255),
  SERVICE_SUBTYPE varchar(255),
  BUSINESS_RESULT varchar(255),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- One row per attempt by a resource to start, handle, or mediate-and-handle the interaction. A
-- queue or routing point gets an IRF only when the IRF ends in mediation
-- (Documentation:PSAAS:RPRT:Table-INTERACTION_RESOURCE_FACT:Public).
-- [PDMdraft] INTERACTION_RESOURCE_ID, the *_KEY and *_TS columns, audit keys; [sibling] every other
-- name (practitioners' GIM SQL), with [hypothesis] types: counts and durations integer (durations in
-- whole seconds, as the sibling facts), flags numeric(1). SUBSET: GIM's IRF has well over a hundred
-- columns (the remaining CONS_*, POST_CONS_XFER_*, AGENT_TO_AGENT_*, DIAL_*, PLACE_KEY, ...).
-- Partitioned by time in partitioned databases; INTERACTION_SDT_KEY is the interaction's own start
-- interval, so a report that bounds time can prune. How seed-db fills each family: seed-irf.ts.
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-INTERACTION_RESOURCE_FACT
CREATE TABLE IF NOT EXISTS INTERACTION_RESOURCE_FACT (
  INTERACTION_RESOURCE_ID numeric(19) NOT NULL PRIMARY KEY,
  START_DATE_TIME_KEY integer NOT NULL,
  END_DATE_TIME_KEY integer,
  INTERACTION_SDT_KEY integer,
  TENANT_KEY integer NOT NULL,
  MEDIA_TYPE_KEY integer NOT NULL,
  RESOURCE_KEY integer NOT NULL,
  TECHNICAL_DESCRIPTOR_KEY integer NOT NULL,
  INTERACTION_TYPE_KEY integer NOT NULL,
  ROUTING_TARGET_KEY integer,
  ANCHOR_FLAGS_KEY integer,
  INTERACTION_DESCRIPTOR_KEY integer,
  LAST_VQUEUE_RESOURCE_KEY integer,
  MEDIATION_SEGMENT_ID numeric(19),
  MEDIATION_RESOURCE_KEY integer,
  MEDIATION_START_DATE_TIME_KEY integer,
  INTERACTION_ID numeric(19) NOT NULL,
  INTERACTION_RESOURCE_ORDINAL integer,
  IRF_ANCHOR numeric(1),
  RECEIVED_FROM_IXN_RESOURCE_ID numeric(19),
  START_TS integer,
  END_TS integer,
  RING_COUNT integer,
  RING_DURATION integer,
  TALK_COUNT integer,
  TALK_DURATION integer,
  HOLD_COUNT integer,
  HOLD_DURATION integer,
  AFTER_CALL_WORK_COUNT integer,
  AFTER_CALL_WORK_DURATION integer,
  HANDLE_COUNT integer,
  MEDIATION_COUNT integer,
  MEDIATION_DURATION integer,
  CUSTOMER_RING_COUNT integer,
  CUSTOMER_RING_DURATION integer,
  CUSTOMER_TALK_COUNT integer,
  CUSTOMER_TALK_DURATION integer,
  CUSTOMER_HOLD_COUNT integer,
  CUSTOMER_HOLD_DURATION integer,
  CUSTOMER_ACW_COUNT integer,
  CUSTOMER_ACW_DURATION integer,
  CUSTOMER_HANDLE_COUNT integer,
  CONS_INIT_TALK_COUNT integer,
  CONS_INIT_TALK_DURATION integer,
  CONS_INIT_HOLD_COUNT integer,
  CONS_INIT_HOLD_DURATION integer,
  CONS_RCV_RING_COUNT integer,
  CONS_RCV_RING_DURATION integer,
  CONS_RCV_TALK_COUNT integer,
  CONS_RCV_TALK_DURATION integer,
  CONS_RCV_HOLD_COUNT integer,
  CONS_RCV_HOLD_DURATION integer,
  CONS_RCV_ACW_COUNT integer,
  CONS_RCV_ACW_DURATION integer,
  CONF_JOIN_RING_COUNT integer,
  CONF_JOIN_RING_DURATION integer,
  CONF_JOIN_TALK_COUNT integer,
  CONF_JOIN_TALK_DURATION integer,
  CONF_JOIN_HOLD_COUNT integer,
  CONF_JOIN_HOLD_DURATION integer,
  CONFERENCE_INITIATED_COUNT integer,
  STOP_ACTION numeric(1),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- The user-data keys of an IRF: which INTERACTION_DESCRIPTOR (and, in a deployment, which custom
-- dimensions) it carries. Joined on INTERACTION_RESOURCE_ID and START_DATE_TIME_KEY. [PDMdraft]
-- INTERACTION_RESOURCE_ID, START_DATE_TIME_KEY, TENANT_KEY, audit keys (as IRF_USER_DATA_CUST_1);
-- [sibling] INTERACTION_DESCRIPTOR_KEY. SUBSET: the CUSTOM_KEY_n columns are deployment-defined.
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-IRF_USER_DATA_KEYS
CREATE TABLE IF NOT EXISTS IRF_USER_DATA_KEYS (
  INTERACTION_RESOURCE_ID numeric(19) NOT NULL PRIMARY KEY,
  START_DATE_TIME_KEY integer NOT NULL,
  TENANT_KEY integer NOT NULL,
  INTERACTION_DESCRIPTOR_KEY integer,
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- The time an interaction spent at one mediation DN (for chat, an interaction queue), from entering
-- it until it was abandoned there, cleared, or distributed, "including the time that it takes the
-- interaction to be answered by the target resource or to be abandoned while alerting at the target
-- resource" (Documentation:PSAAS:RPRT:Table-MEDIATION_SEGMENT_FACT:Public). TARGET_IXN_RESOURCE_ID
-- (and IXN_RESOURCE_ID, as some releases name the link) is the INTERACTION_RESOURCE_ID of the linked
-- IRF. MSF and IRF ids share one number space (IRF_USER_DATA_CUST_1.INTERACTION_RESOURCE_ID refers
-- to either), so seed-db allocates both from one counter.
-- [sibling] names (practitioners' SQL); [PDMdraft] types of the ids, keys and *_TS; [hypothesis]
-- MEDIATION_DURATION integer seconds. SUBSET: no ORSSESSIONID, USERDATA_FLAG, PRODUCER_BATCH_ID.
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-MEDIATION_SEGMENT_FACT
CREATE TABLE IF NOT EXISTS MEDIATION_SEGMENT_FACT (
  MEDIATION_SEGMENT_ID numeric(19) NOT NULL PRIMARY KEY,
  TENANT_KEY integer NOT NULL,
  INTERACTION_ID numeric(19) NOT NULL,
  MEDIA_SERVER_IXN_GUID varchar(50),
  MEDIA_TYPE_KEY integer NOT NULL,
  INTERACTION_TYPE_KEY integer NOT NULL,
  RESOURCE_KEY integer NOT NULL,
  TECHNICAL_DESCRIPTOR_KEY integer NOT NULL,
  START_DATE_TIME_KEY integer NOT NULL,
  END_DATE_TIME_KEY integer,
  START_TS integer,
  END_TS integer,
  MEDIATION_DURATION integer,
  TARGET_IXN_RESOURCE_ID numeric(19),
  TARGET_IXN_RESOURCE_SDT_KEY integer,
  IXN_RESOURCE_ID numeric(19),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- How a chat session ended. [sibling] practitioners' SQL joins
-- CHAT_SESSION_FACT.CHAT_SESSION_DIM_KEY = CHAT_SESSION_DIM.ID and filters ENDED_BY = 'AGENT';
-- [hypothesis] types and the other ENDED_BY codes (CUSTOMER, STRATEGY: the `by` of the log's
-- EventProcessingStopped, upper-cased). SUBSET.
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-CHAT_SESSION_DIM
CREATE TABLE IF NOT EXISTS CHAT_SESSION_DIM (
  ID integer NOT NULL PRIMARY KEY,
  ENDED_BY varchar(32),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- One row per chat session (GIM 8.5.011+), from the statistics Chat Server attaches when the session
-- ends; MEDIA_SERVER_IXN_GUID links it to INTERACTION_FACT ("The MEDIA_SERVER_IXN_GUID links the
-- CHAT_SESSION_FACT record with the related INTERACTION_FACT").
-- [sibling] names (practitioners' SQL: AGENTS_COUNT, HANDLE_COUNT, SESSION_DURATION,
-- UNTIL_FIRST_AGENT_DURATION, UNTIL_FIRST_REPLY_DURATION, HANDLE_DURATION, AGENT_REPLY_COUNT,
-- AGENT_REPLY_DURATION, CUSTOMER_REPLY_DURATION, AGENT_WAIT_DURATION, CUSTOMER_WAIT_DURATION,
-- CHAT_SESSION_DIM_KEY); [hypothesis] MSG_FROM_CUSTOMERS and MSG_FROM_AGENTS (named after the
-- RAA aggregate AGT_CHAT_THREAD_HOUR built from this table) and all types (integer seconds).
-- Message and reply statistics are not in the event log: seed-db leaves them NULL.
-- SUBSET: no asynchronous-chat, thread, parking or bot columns.
-- https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-CHAT_SESSION_FACT
CREATE TABLE IF NOT EXISTS CHAT_SESSION_FACT (
  MEDIA_SERVER_IXN_GUID varchar(50) NOT NULL PRIMARY KEY,
  TENANT_KEY integer NOT NULL,
  MEDIA_TYPE_KEY integer NOT NULL,
  CHAT_SESSION_DIM_KEY integer,
  START_DATE_TIME_KEY integer NOT NULL,
  END_DATE_TIME_KEY integer,
  START_TS integer,
  END_TS integer,
  AGENTS_COUNT integer,
  HANDLE_COUNT integer,
  SESSION_DURATION integer,
  UNTIL_FIRST_AGENT_DURATION integer,
  UNTIL_FIRST_REPLY_DURATION integer,
  HANDLE_DURATION integer,
  MSG_FROM_CUSTOMERS integer,
  MSG_FROM_AGENTS integer,
  AGENT_REPLY_COUNT integer,
  AGENT_REPLY_DURATION integer,
  CUSTOMER_REPLY_DURATION integer,
  AGENT_WAIT_DURATION integer,
  CUSTOMER_WAIT_DURATION integer,
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

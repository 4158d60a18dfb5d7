-- gim-conformance: the SUBSET of Genesys Info Mart's PostgreSQL data model that
-- sql/irf-descriptors.sql reads and `gim-conformance seed-db` writes. It is not GIM's schema:
-- a real Info Mart has many more tables and columns (IRF alone has well over a hundred). Names
-- and types are GIM's wherever they could be read; each table says where its columns come from:
--   [PDMPostgre]  read in GIM's PostgreSQL Physical Data Model (docs.genesys.com/Documentation/GIM/latest/PDMPostgre/Table-<NAME>)
--   [PDMOra]      read in the Oracle model; types translated as GIM's PostgreSQL model translates
--                 them elsewhere (NUMBER(10) -> integer, NUMBER(19) -> numeric(19), VARCHAR2(n CHAR) -> varchar(n))
--   [sibling]     column name seen in practitioners' GIM SQL; type taken from the same column in a
--                 documented sibling table (e.g. IXN_RESOURCE_STATE_FACT: RESOURCE_KEY integer,
--                 INTERACTION_RESOURCE_ID numeric(19), START_TS integer)
--   [hypothesis]  neither; kept because the harness needs it, type chosen to match the family
-- Identifiers are unquoted, so PostgreSQL folds them to lower case, as in a GIM database created
-- by GIM's own scripts; queries may spell them in upper case.
-- Times: *_TS are integer seconds since 1970-01-01 UTC and *_DATE_TIME_KEY the start of the
-- 15-minute interval holding them, in the same unit, as GIM stores them.
-- Idempotent: every statement is IF NOT EXISTS, so `seed-db` can run it against a database that
-- already has the tables.

-- One row per interaction from the customer's view. [PDMPostgre]
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

-- One row per attempt by a resource to start, handle, or mediate-and-handle the interaction.
-- [sibling] for every column: the IRF column list itself could not be read.
CREATE TABLE IF NOT EXISTS INTERACTION_RESOURCE_FACT (
  INTERACTION_RESOURCE_ID numeric(19) NOT NULL PRIMARY KEY,
  START_DATE_TIME_KEY integer NOT NULL,
  END_DATE_TIME_KEY integer,
  TENANT_KEY integer NOT NULL,
  MEDIA_TYPE_KEY integer NOT NULL,
  RESOURCE_KEY integer NOT NULL,
  TECHNICAL_DESCRIPTOR_KEY integer NOT NULL,
  INTERACTION_TYPE_KEY integer NOT NULL,
  INTERACTION_ID numeric(19) NOT NULL,
  RECEIVED_FROM_IXN_RESOURCE_ID numeric(19),
  START_TS integer,
  END_TS integer,
  RING_DURATION integer,
  TALK_DURATION integer,
  MEDIATION_DURATION integer,
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- The role a resource played and the technical result of its attempt; one row per distinct
-- combination; codes are the names upper-cased. All of GIM's columns. [PDMOra]
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

-- Agents, queues, routing points and strategies. [sibling] names (RESOURCE_TYPE_CODE 'AGENT',
-- 'QUEUE' and RESOURCE_SUBTYPE 'Agent' appear in practitioners' GIM SQL); [hypothesis] types.
CREATE TABLE IF NOT EXISTS RESOURCE_ (
  RESOURCE_KEY integer NOT NULL PRIMARY KEY,
  TENANT_KEY integer NOT NULL,
  RESOURCE_TYPE varchar(255),
  RESOURCE_TYPE_CODE varchar(32),
  RESOURCE_SUBTYPE varchar(255),
  RESOURCE_NAME varchar(255),
  CREATE_AUDIT_KEY numeric(19) NOT NULL,
  UPDATE_AUDIT_KEY numeric(19) NOT NULL
);

-- Media types; chat is online. [PDMPostgre] names; [hypothesis] types.
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

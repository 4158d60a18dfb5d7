-- gim-conformance: the IRF rows of chat interactions with their technical descriptors, in the
-- columns `gim-conformance run --sut export` reads (GIM's own column names).
--
-- Portable on purpose: the same text runs unchanged on PostgreSQL, Oracle and Microsoft SQL
-- Server, the three databases Genesys Info Mart supports. So: inner joins spelled out, no table
-- alias with AS (Oracle rejects it), no LIMIT/TOP/FETCH, no casts, no vendor functions, no blank
-- line inside the statement (SQL*Plus would end the statement there), upper-case unquoted
-- identifiers as GIM names them. How to run it on each database: docs/real-info-mart.md.
--
-- Codes AND names: the harness compares the _CODE columns, which do not change with
-- localization (GIM PDM, Table-TECHNICAL_DESCRIPTOR and Table-INTERACTION_TYPE); the names
-- beside them are only shown, and may be in any language.
--
-- Rows: one per IRF of a chat interaction (MEDIA_NAME_CODE 'CHAT'), ordered by interaction, then
-- start, then INTERACTION_RESOURCE_ID; the harness numbers IRF1, IRF2, ... in that order.
-- START_TS and END_TS are GIM's integer seconds since 1970-01-01 UTC.
-- To export only the lab's interactions, add a filter before ORDER BY, e.g.
--   AND F.MEDIA_SERVER_IXN_GUID IN ('guid-1', 'guid-2')
-- (`--sut postgres` does this itself, with bound parameters, and never edits this file.)
SELECT
  F.INTERACTION_ID,
  F.MEDIA_SERVER_IXN_GUID,
  IRF.INTERACTION_RESOURCE_ID,
  MT.MEDIA_NAME_CODE,
  IT.INTERACTION_TYPE,
  IT.INTERACTION_TYPE_CODE,
  R.RESOURCE_NAME,
  R.RESOURCE_TYPE,
  R.RESOURCE_TYPE_CODE,
  TD.RESOURCE_ROLE,
  TD.RESOURCE_ROLE_CODE,
  TD.TECHNICAL_RESULT,
  TD.TECHNICAL_RESULT_CODE,
  TD.RESULT_REASON,
  TD.RESULT_REASON_CODE,
  TD.ROLE_REASON,
  TD.ROLE_REASON_CODE,
  IRF.START_TS,
  IRF.END_TS
FROM INTERACTION_FACT F
  INNER JOIN INTERACTION_RESOURCE_FACT IRF ON IRF.INTERACTION_ID = F.INTERACTION_ID
  INNER JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = IRF.TECHNICAL_DESCRIPTOR_KEY
  INNER JOIN RESOURCE_ R ON R.RESOURCE_KEY = IRF.RESOURCE_KEY
  INNER JOIN MEDIA_TYPE MT ON MT.MEDIA_TYPE_KEY = IRF.MEDIA_TYPE_KEY
  INNER JOIN INTERACTION_TYPE IT ON IT.INTERACTION_TYPE_KEY = IRF.INTERACTION_TYPE_KEY
WHERE MT.MEDIA_NAME_CODE = 'CHAT'
ORDER BY F.MEDIA_SERVER_IXN_GUID, IRF.START_TS, IRF.INTERACTION_RESOURCE_ID;

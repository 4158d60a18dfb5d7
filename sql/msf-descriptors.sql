-- gim-conformance: the mediation segments (MEDIATION_SEGMENT_FACT, MSFs) of chat interactions
-- with their technical descriptors, in the columns `gim-conformance run --msf-export FILE`
-- reads (GIM's own column names). Companion of sql/irf-descriptors.sql: export both at the
-- same time, so each MSF's TARGET_IXN_RESOURCE_ID finds its IRF.
--
-- Portable on purpose, by the same rules as sql/irf-descriptors.sql: runs unchanged on
-- PostgreSQL, Oracle and Microsoft SQL Server; inner joins spelled out, no table alias with AS,
-- no LIMIT/TOP/FETCH, no casts, no vendor functions, no blank line inside the statement,
-- upper-case unquoted identifiers as GIM names them.
--
-- Codes AND names: the harness compares the _CODE columns; the names are only shown.
-- TARGET_IXN_RESOURCE_ID is the INTERACTION_RESOURCE_ID of the IRF the segment is linked to
-- (GIMPopMSF: "An MSF also includes links to the associated IRF"); NULL when none.
--
-- Rows: one per MSF of a chat interaction (MEDIA_NAME_CODE 'CHAT'), ordered by interaction, then
-- start, then MEDIATION_SEGMENT_ID; the harness numbers MSF1, MSF2, ... in that order.
-- START_TS and END_TS are GIM's integer seconds since 1970-01-01 UTC; MEDIATION_DURATION seconds.
-- To export only the lab's interactions, add a filter before ORDER BY, e.g.
--   AND F.MEDIA_SERVER_IXN_GUID IN ('guid-1', 'guid-2')
SELECT
  MSF.MEDIATION_SEGMENT_ID,
  F.INTERACTION_ID,
  F.MEDIA_SERVER_IXN_GUID,
  MT.MEDIA_NAME_CODE,
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
  MSF.START_TS,
  MSF.END_TS,
  MSF.MEDIATION_DURATION,
  MSF.TARGET_IXN_RESOURCE_ID
FROM INTERACTION_FACT F
  INNER JOIN MEDIATION_SEGMENT_FACT MSF ON MSF.INTERACTION_ID = F.INTERACTION_ID
  INNER JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = MSF.TECHNICAL_DESCRIPTOR_KEY
  INNER JOIN RESOURCE_ R ON R.RESOURCE_KEY = MSF.RESOURCE_KEY
  INNER JOIN MEDIA_TYPE MT ON MT.MEDIA_TYPE_KEY = MSF.MEDIA_TYPE_KEY
WHERE MT.MEDIA_NAME_CODE = 'CHAT'
ORDER BY F.MEDIA_SERVER_IXN_GUID, MSF.START_TS, MSF.MEDIATION_SEGMENT_ID;

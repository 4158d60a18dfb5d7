-- gim-conformance census, PostgreSQL: the distinct patterns of the chat interactions that START
-- in a window, each with its number of interactions, IRFs and a few sample GUIDs. This is the
-- text `gim-conformance census --db URL` runs (a test holds them equal); sql/census-sqlserver.sql
-- and sql/census-oracle.sql are the same query for the other databases GIM supports, whose
-- output `census --export FILE` reads. docs/census.md explains it.
--
-- Parameters: $1 window start, $2 window end (INTERACTION_FACT.START_TS, integer seconds since
-- 1970-01-01 UTC, start inclusive, end exclusive), $3 how many sample GUIDs to keep per pattern.
--
-- A pattern (PATTERN_CODES) is the interaction's records in order, separated by ';': its IRFs by
-- START_TS then INTERACTION_RESOURCE_ID, then its MSFs by START_TS then MEDIATION_SEGMENT_ID. Each
-- record is KIND|TYPE|N|ROLE|RESULT|REASON|ROLE_REASON|LINK with GIM's codes: KIND I (IRF) or M
-- (MSF); TYPE the RESOURCE_TYPE_CODE; N names the resource within the interaction: here the
-- position of its first record (the harness renumbers N by first appearance within each type, so
-- every agent who is first in a chat reads AGENT|1, whoever it is; sql/census-sqlserver.sql and
-- census-oracle.sql give that rank directly); LINK, for an MSF, the position of the IRF its
-- TARGET_IXN_RESOURCE_ID names (empty when none). A NULL or empty reason code reads as
-- UNSPECIFIED, as GIM means NULL there. Outer joins to the dimensions keep a fact with a dangling
-- key (shown as ?), so no row is lost; an interaction without any record has the empty pattern.
--
-- Cost (docs/census.md, "Measured"): one sort of the records by interaction for a single window pass
-- whose running arrays give both N and LINK (array_position finds a resource's first record and
-- an MSF's IRF), then one aggregate per interaction on that order and one per pattern. An earlier
-- form ranked the resources with three more window passes, each a sort of every record.
WITH IXN AS (
  SELECT F.INTERACTION_ID, F.MEDIA_SERVER_IXN_GUID
  FROM INTERACTION_FACT F
    INNER JOIN MEDIA_TYPE MT ON MT.MEDIA_TYPE_KEY = F.MEDIA_TYPE_KEY
  WHERE MT.MEDIA_NAME_CODE = 'CHAT'
    AND F.START_TS >= $1
    AND F.START_TS < $2
),
REC AS (
  SELECT I.INTERACTION_ID, I.MEDIA_SERVER_IXN_GUID, 0 AS KIND, IRF.INTERACTION_RESOURCE_ID AS ID, IRF.START_TS,
    IRF.RESOURCE_KEY, IRF.INTERACTION_RESOURCE_ID AS LINK_KEY,
    R.RESOURCE_TYPE_CODE, TD.RESOURCE_ROLE_CODE, TD.TECHNICAL_RESULT_CODE, TD.RESULT_REASON_CODE, TD.ROLE_REASON_CODE
  FROM IXN I
    LEFT JOIN INTERACTION_RESOURCE_FACT IRF ON IRF.INTERACTION_ID = I.INTERACTION_ID
    LEFT JOIN RESOURCE_ R ON R.RESOURCE_KEY = IRF.RESOURCE_KEY
    LEFT JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = IRF.TECHNICAL_DESCRIPTOR_KEY
  UNION ALL
  SELECT I.INTERACTION_ID, I.MEDIA_SERVER_IXN_GUID, 1 AS KIND, MSF.MEDIATION_SEGMENT_ID AS ID, MSF.START_TS,
    MSF.RESOURCE_KEY, MSF.TARGET_IXN_RESOURCE_ID AS LINK_KEY,
    R.RESOURCE_TYPE_CODE, TD.RESOURCE_ROLE_CODE, TD.TECHNICAL_RESULT_CODE, TD.RESULT_REASON_CODE, TD.ROLE_REASON_CODE
  FROM IXN I
    INNER JOIN MEDIATION_SEGMENT_FACT MSF ON MSF.INTERACTION_ID = I.INTERACTION_ID
    LEFT JOIN RESOURCE_ R ON R.RESOURCE_KEY = MSF.RESOURCE_KEY
    LEFT JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = MSF.TECHNICAL_DESCRIPTOR_KEY
),
POSITIONED AS (
  SELECT REC.INTERACTION_ID, REC.MEDIA_SERVER_IXN_GUID, REC.KIND, REC.ID,
    REC.RESOURCE_TYPE_CODE, REC.RESOURCE_ROLE_CODE, REC.TECHNICAL_RESULT_CODE, REC.RESULT_REASON_CODE, REC.ROLE_REASON_CODE,
    ROW_NUMBER() OVER W AS POS,
    array_position(array_agg(REC.RESOURCE_KEY) OVER W, REC.RESOURCE_KEY) AS FIRST_POS,
    CASE WHEN REC.KIND = 1
      THEN array_position(array_agg(CASE WHEN REC.KIND = 0 THEN REC.ID END) OVER W, REC.LINK_KEY)
    END AS LINK_POS
  FROM REC
  WINDOW W AS (PARTITION BY REC.INTERACTION_ID ORDER BY REC.KIND, REC.START_TS, REC.ID
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
IXN_PATTERN AS (
  SELECT P.INTERACTION_ID, MIN(P.MEDIA_SERVER_IXN_GUID) AS MEDIA_SERVER_IXN_GUID,
    string_agg(
      CASE WHEN P.KIND = 0 THEN 'I' ELSE 'M' END || '|' || COALESCE(P.RESOURCE_TYPE_CODE, '?') || '|' ||
      P.FIRST_POS || '|' || COALESCE(P.RESOURCE_ROLE_CODE, '?') || '|' || COALESCE(P.TECHNICAL_RESULT_CODE, '?') || '|' ||
      COALESCE(NULLIF(P.RESULT_REASON_CODE, ''), 'UNSPECIFIED') || '|' ||
      COALESCE(NULLIF(P.ROLE_REASON_CODE, ''), 'UNSPECIFIED') || '|' || COALESCE(P.LINK_POS::text, ''),
      ';' ORDER BY P.POS) FILTER (WHERE P.ID IS NOT NULL) AS PATTERN_CODES,
    COUNT(P.ID) FILTER (WHERE P.KIND = 0) AS IRFS
  FROM POSITIONED P
  GROUP BY P.INTERACTION_ID
)
SELECT COALESCE(P.PATTERN_CODES, '') AS PATTERN_CODES,
  COUNT(*) AS INTERACTIONS,
  SUM(P.IRFS) AS IRFS,
  array_to_string((array_agg(P.MEDIA_SERVER_IXN_GUID ORDER BY P.MEDIA_SERVER_IXN_GUID))[1:$3], ' ') AS SAMPLES
FROM IXN_PATTERN P
GROUP BY COALESCE(P.PATTERN_CODES, '')
ORDER BY INTERACTIONS DESC, PATTERN_CODES;

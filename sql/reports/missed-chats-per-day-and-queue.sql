-- Missed (lost) chats per day and per queue: chats the customer abandoned before an agent took
-- them, wherever that happened (in the queue, while a strategy routed, while an agent was alerted).
-- A chat counts once per day and queue. The queue is the one the chat was distributed from
-- (IRF.LAST_VQUEUE_RESOURCE_KEY), which Info Mart sets to the NONE resource when there was none.
-- Days are DATE_TIME's UTC labels of the IRF's start interval.
-- Codes, not names: names can be localized, codes cannot (PDM, Table-TECHNICAL_DESCRIPTOR).
SELECT
  DT.LABEL_YYYY_MM_DD AS DAY,
  Q.RESOURCE_NAME AS QUEUE,
  COUNT(DISTINCT IRF.INTERACTION_ID) AS MISSED_CHATS
FROM INTERACTION_RESOURCE_FACT IRF
  INNER JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = IRF.TECHNICAL_DESCRIPTOR_KEY
  INNER JOIN MEDIA_TYPE MT ON MT.MEDIA_TYPE_KEY = IRF.MEDIA_TYPE_KEY
  INNER JOIN DATE_TIME DT ON DT.DATE_TIME_KEY = IRF.START_DATE_TIME_KEY
  INNER JOIN RESOURCE_ Q ON Q.RESOURCE_KEY = IRF.LAST_VQUEUE_RESOURCE_KEY
WHERE MT.MEDIA_NAME_CODE = 'CHAT'
  AND TD.TECHNICAL_RESULT_CODE = 'CUSTOMERABANDONED'
GROUP BY DT.LABEL_YYYY_MM_DD, Q.RESOURCE_NAME
ORDER BY DT.LABEL_YYYY_MM_DD, Q.RESOURCE_NAME;

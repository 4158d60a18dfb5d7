-- Handled chats per agent: the chats each agent joined (HANDLE_COUNT > 0, whatever the role:
-- routed to, received a transfer, consulted, conferenced in), and the agent's talk time in them
-- (TALK_DURATION, seconds). An agent who was alerted but never joined is not counted.
SELECT
  R.AGENT_NAME,
  COUNT(DISTINCT IRF.INTERACTION_ID) AS HANDLED_CHATS,
  SUM(IRF.TALK_DURATION) AS TALK_SECONDS
FROM INTERACTION_RESOURCE_FACT IRF
  INNER JOIN RESOURCE_ R ON R.RESOURCE_KEY = IRF.RESOURCE_KEY
  INNER JOIN MEDIA_TYPE MT ON MT.MEDIA_TYPE_KEY = IRF.MEDIA_TYPE_KEY
WHERE MT.MEDIA_NAME_CODE = 'CHAT'
  AND R.RESOURCE_TYPE_CODE = 'AGENT'
  AND IRF.HANDLE_COUNT > 0
GROUP BY R.AGENT_NAME
ORDER BY R.AGENT_NAME;

@chat @flow-2 @verified
Feature: Agent invited into chat and invitation revoked

  > The diagram shows the outcome of a chat interaction that a routing strategy routes to an
  > agent, who does not accept the invitation. The chat interaction is returned to the
  > interaction queue so that other routing targets can be evaluated.
  >
  > Technical Descriptors illustrated: RoutedTo/Redirected [Revoked]

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.2 "Agent invited into chat and invitation revoked".

  The story ends with the chat back in the interaction queue: what happens next is another
  routing attempt, outside this flow, so Agent1's IRF is the only one recorded so far.

  @id:chat-invitation-revoked
  Scenario: The routed agent does not answer and the chat goes back to the queue
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 does not accept the invitation before the delivering timeout
    And the chat returns to the interaction queue "Chat_Inbound"
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result     | reason  |
      | 1   | Agent1   | RoutedTo | Redirected | Revoked |

  @id:chat-invitation-revoked-msf @provisional
  Scenario: The routed agent does not answer and the chat goes back to the queue, and the queue's mediation segment

    The queue's mediation segment (MSF) is a HYPOTHESIS, so it is checked in a provisional scenario of
    its own and the verified one above stays as the Guide states it. GIM writes an MSF for the first
    interaction queue (https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow), and the
    segment lasts until the chat is "distributed ... including the time that it takes the interaction
    to be answered by the target resource" (https://docs.genesys.com/Documentation/PSAAS/latest/RPRT/GIMPopMSF).
    No page gives the descriptor of a segment whose target never answered: it is taken to follow the
    agent's IRF, Redirected [Revoked], linked to that IRF. The chat's return to the queue is a later
    placement, written as an MSF only with populate-mm-ixnqueue-facts (default false).

    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 does not accept the invitation before the delivering timeout
    And the chat returns to the interaction queue "Chat_Inbound"
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result     | reason  |
      | 1   | Agent1   | RoutedTo | Redirected | Revoked |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result     | reason  | IRF  |
      | 1   | Chat_Inbound | Received | Redirected | Revoked | IRF1 |

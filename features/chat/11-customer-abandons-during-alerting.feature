@chat @flow-11 @verified
Feature: Customer abandons chat during agent alerting

  > The diagram shows the outcome of a chat interaction that is abandoned while the agent is
  > being alerted.
  >
  > The interaction is routed to Agent 1. The customer abandons the chat interaction before the
  > agent accepts the invitation.
  >
  > Technical Descriptors illustrated: RoutedTo/CustomerAbandoned [AbandonedWhileRinging]

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.11 "Customer abandons chat during agent alerting".

  @id:chat-abandoned-during-alerting
  Scenario: The customer leaves before the routed agent accepts
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And the customer leaves the chat while Agent1 is being alerted
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result            | reason                |
      | 1   | Agent1   | RoutedTo | CustomerAbandoned | AbandonedWhileRinging |

  @id:chat-abandoned-during-alerting-msf @provisional
  Scenario: The customer leaves before the routed agent accepts, and the queue's mediation segment

    The queue's mediation segment (MSF) is a HYPOTHESIS, so it is checked in a provisional scenario of
    its own. GIM writes an MSF for the first interaction queue
    (https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow), and it includes the time
    the chat takes "to be abandoned while alerting at the target resource"
    (https://docs.genesys.com/Documentation/PSAAS/latest/RPRT/GIMPopMSF). The chat was distributed,
    so Diverted; Info Mart users' report SQL counts "abandoned while ringing" from MSFs that are
    Diverted [AbandonedWhileRinging] (seen for voice). No page gives it for chat.

    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And the customer leaves the chat while Agent1 is being alerted
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result            | reason                |
      | 1   | Agent1   | RoutedTo | CustomerAbandoned | AbandonedWhileRinging |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason                | IRF  |
      | 1   | Chat_Inbound | Received | Diverted | AbandonedWhileRinging | IRF1 |

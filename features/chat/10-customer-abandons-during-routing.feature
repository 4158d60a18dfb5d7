@chat @flow-10 @verified
Feature: Customer abandons chat during routing

  > The diagram shows the outcome of a chat interaction that is submitted to an inbound
  > interaction queue, but is abandoned by the customer while a routing strategy is attempting
  > to route the interaction.
  >
  > The resource role of Puller is used because the strategy pulled the interaction from the
  > interaction queue.
  >
  > Technical Descriptors illustrated: Puller/CustomerAbandoned

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.10 "Customer abandons chat during routing".

  No agent is invited, so the one IRF is the routing strategy's own attempt: its resource is
  the strategy.

  @id:chat-abandoned-during-routing
  Scenario: The customer leaves while the strategy routes the chat
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" takes the chat from the interaction queue to route it
    And the customer leaves the chat while the strategy routes it
    Then Info Mart records exactly these IRFs:
      | IRF | resource         | role   | result            | reason |
      | 1   | RouteInboundChat | Puller | CustomerAbandoned |        |

  @id:chat-abandoned-during-routing-msf @provisional
  Scenario: The customer leaves while the strategy routes the chat, and the queue's mediation segment

    The queue's mediation segment (MSF) is a HYPOTHESIS, so it is checked in a provisional scenario of
    its own. GIM writes an MSF for the first interaction queue
    (https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow). The strategy had taken the
    chat but distributed it to nobody, so the chat is taken to be abandoned in mediation: the segment
    is CustomerAbandoned [AbandonedWhileQueued], linked to the strategy's IRF. No page says so.

    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" takes the chat from the interaction queue to route it
    And the customer leaves the chat while the strategy routes it
    Then Info Mart records exactly these IRFs:
      | IRF | resource         | role   | result            | reason |
      | 1   | RouteInboundChat | Puller | CustomerAbandoned |        |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result            | reason               | IRF  |
      | 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued | IRF1 |

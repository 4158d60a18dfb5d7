@chat @flow-9 @verified
Feature: Customer abandons chat in queue

  > The diagram shows the outcome of a chat interaction that is submitted to an inbound
  > interaction queue, but is abandoned by the customer while it is in the interaction queue.
  >
  > Technical Descriptors illustrated: Received/CustomerAbandoned [AbandonedWhileQueued]

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.9 "Customer abandons chat in queue".

  No agent ever handles the chat, so the one IRF is the interaction queue's own attempt: its
  resource is the queue.

  @id:chat-abandoned-in-queue
  Scenario: The customer leaves while the chat waits in the queue
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the customer leaves the chat while it waits in the interaction queue
    Then Info Mart records exactly these IRFs:
      | IRF | resource     | role     | result            | reason               |
      | 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued |

  @id:chat-abandoned-in-queue-msf @provisional
  Scenario: The customer leaves while the chat waits in the queue, and the queue's mediation segment

    The queue's mediation segment (MSF) is a HYPOTHESIS, so it is checked in a provisional scenario of
    its own. GIM writes an MSF for the first interaction queue
    (https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow); a chat "abandoned in the
    mediation DN" ends it (https://docs.genesys.com/Documentation/PSAAS/latest/RPRT/GIMPopMSF). No page
    gives that segment's descriptor: it is taken to be the queue IRF's, CustomerAbandoned
    [AbandonedWhileQueued], linked to that IRF.

    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the customer leaves the chat while it waits in the interaction queue
    Then Info Mart records exactly these IRFs:
      | IRF | resource     | role     | result            | reason               |
      | 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result            | reason               | IRF  |
      | 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued | IRF1 |

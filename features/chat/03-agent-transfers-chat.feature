@chat @flow-3 @verified
Feature: Agent transfers chat to another agent

  > The diagram shows the outcome of a chat interaction that is routed to an agent, who
  > transfers the chat to another agent.
  >
  > The interaction is routed to Agent 1. Agent 1 accepts the invitation into the interaction
  > and chats with the customer (IRF1). Agent 1 then transfers the chat interaction to Agent 2,
  > who accepts the invitation and then chats with the customer (IRF2).
  >
  > Technical Descriptors illustrated: RoutedTo/Transferred, ReceivedTransfer/Completed

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.3 "Agent transfers chat to another agent".

  The chat waits in the interaction queue until a strategy distributes it to Agent1, so Info Mart
  also writes one mediation segment (MEDIATION_SEGMENT_FACT) for the queue: GIM "always creates an
  MSF record for the first Interaction Queue that an inbound interaction enters" (GIM User's Guide,
  https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow). A queue that distributes a
  chat is Received/Diverted, the example the TECHNICAL_DESCRIPTOR page itself gives: "a queue
  resource received an interaction and diverted to another resource"
  (https://docs.genesys.com/Documentation/GIM/8.5.0/PDMOra/Table-TECHNICAL_DESCRIPTOR). The segment
  is linked to the IRF it was distributed to (MSF.TARGET_IXN_RESOURCE_ID).

  @id:chat-transfer-accepted
  Scenario: Agent2 accepts the transfer and completes the chat
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 transfers the chat to Agent2
    And Agent2 accepts the invitation and chats with the customer
    And Agent2 ends the chat
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role             | result      | reason |
      | 1   | Agent1   | RoutedTo         | Transferred |        |
      | 2   | Agent2   | ReceivedTransfer | Completed   |        |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason | IRF  |
      | 1   | Chat_Inbound | Received | Diverted |        | IRF1 |

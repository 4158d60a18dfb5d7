@chat @flow-1 @verified
Feature: Strategy delivers chat to agent, and agent replies

  > The diagram shows the outcome of a chat interaction that a routing strategy routes to an
  > agent, who accepts the invitation and chats with the customer.
  >
  > Technical Descriptors illustrated: RoutedTo/Completed

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.1 "Strategy delivers chat to agent, and agent replies".

  The chat waits in the interaction queue until a strategy distributes it to Agent1, so Info Mart
  also writes one mediation segment (MEDIATION_SEGMENT_FACT) for the queue: GIM "always creates an
  MSF record for the first Interaction Queue that an inbound interaction enters" (GIM User's Guide,
  https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow). A queue that distributes a
  chat is Received/Diverted, the example the TECHNICAL_DESCRIPTOR page itself gives: "a queue
  resource received an interaction and diverted to another resource"
  (https://docs.genesys.com/Documentation/GIM/8.5.0/PDMOra/Table-TECHNICAL_DESCRIPTOR). The segment
  is linked to the IRF it was distributed to (MSF.TARGET_IXN_RESOURCE_ID).

  @id:chat-routed-agent-replies
  Scenario: The routed agent accepts the chat and completes it
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 ends the chat
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result    | reason |
      | 1   | Agent1   | RoutedTo | Completed |        |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason | IRF  |
      | 1   | Chat_Inbound | Received | Diverted |        | IRF1 |

@chat @flow-1 @verified
Feature: Strategy delivers chat to agent, and agent replies

  > The diagram shows the outcome of a chat interaction that a routing strategy routes to an
  > agent, who accepts the invitation and chats with the customer.
  >
  > Technical Descriptors illustrated: RoutedTo/Completed

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.1 "Strategy delivers chat to agent, and agent replies".

  @id:chat-routed-agent-replies
  Scenario: The routed agent accepts the chat and completes it
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 ends the chat
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result    | reason |
      | 1   | Agent1   | RoutedTo | Completed |        |

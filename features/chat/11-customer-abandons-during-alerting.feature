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

@chat @flow-13 @provisional
Feature: Agent completes a chat consultation as a transfer or a conference

  Not one of the User's Guide's chat diagrams. An agent may consult another agent first and then
  complete the consultation as a transfer or as a conference: Workspace's chat privileges "Can Two
  Step Transfer" and "Can Two Step Conference" (Workspace Desktop Edition, chat privileges). The
  event log reports the completion as a change of the consulted agent's visibility mode
  (EventVisibilityChanged, event log 1.1); a two-step transfer is followed by the consulting
  agent's leaving.

  THE EXPECTED IRFS BELOW ARE A HYPOTHESIS: no Genesys page gives the descriptors of a two-step
  completion for chat. They follow the seed's rule that the consulted agent's role depends on the
  visibility mode once it is known (section 1.6): completed as a conference, Agent2 is
  InConference, as an agent conferenced in directly (section 1.5); completed as a transfer,
  Agent2 is ReceivedTransfer and Agent1 Transferred, as in a direct transfer (section 1.3). The
  inbound queue's mediation segment is the one every distributed chat gets (flow 1).

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), sections 1.3, 1.5 and 1.6 (by analogy only).

  @id:chat-two-step-conference
  Scenario: Agent1 consults Agent2, then completes the consultation as a conference
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 starts a chat consultation with Agent2
    And Agent2 accepts the invitation and chats with Agent1
    And Agent1 completes the consultation with Agent2 as a conference
    And Agent2 chats with the customer
    And Agent1 ends the chat
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role         | result    | reason |
      | 1   | Agent1   | RoutedTo     | Completed |        |
      | 2   | Agent2   | InConference | Completed |        |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason | IRF  |
      | 1   | Chat_Inbound | Received | Diverted |        | IRF1 |

  @id:chat-two-step-transfer
  Scenario: Agent1 consults Agent2, then completes the consultation as a transfer
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 starts a chat consultation with Agent2
    And Agent2 accepts the invitation and chats with Agent1
    And Agent1 completes the consultation with Agent2 as a transfer
    And Agent2 completes the chat with the customer
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role             | result      | reason |
      | 1   | Agent1   | RoutedTo         | Transferred |        |
      | 2   | Agent2   | ReceivedTransfer | Completed   |        |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason | IRF  |
      | 1   | Chat_Inbound | Received | Diverted |        | IRF1 |

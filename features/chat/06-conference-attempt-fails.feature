@chat @flow-6 @verified
Feature: Agent's attempt to conference in another agent fails

  > The diagram shows the outcome of an unsuccessful attempt to conference another agent into a
  > chat interaction. The interaction is routed to Agent 1. Agent 1 accepts the invitation into
  > the interaction and chats with the customer (IRF1). Agent 1 then attempts to conference in
  > Agent 2. Agent 2 does not accept the invitation (IRF2). Agent 1 remains in the chat
  > interaction (IRF1), and in this example, completes the chat with the customer.
  >
  > Technical Descriptors illustrated: RoutedTo/Completed, InConference/Abandoned [Revoked]

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.6 "Agent's attempt to conference in another agent fails".

  The chat waits in the interaction queue until a strategy distributes it to Agent1, so Info Mart
  also writes one mediation segment (MEDIATION_SEGMENT_FACT) for the queue: GIM "always creates an
  MSF record for the first Interaction Queue that an inbound interaction enters" (GIM User's Guide,
  https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow). A queue that distributes a
  chat is Received/Diverted, the example the TECHNICAL_DESCRIPTOR page itself gives: "a queue
  resource received an interaction and diverted to another resource"
  (https://docs.genesys.com/Documentation/GIM/8.5.0/PDMOra/Table-TECHNICAL_DESCRIPTOR). The segment
  is linked to the IRF it was distributed to (MSF.TARGET_IXN_RESOURCE_ID).

  @id:chat-conference-revoked
  Scenario: Agent2 does not answer the conference invitation and Agent1 completes the chat
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 conferences in Agent2
    And Agent2 does not accept the invitation before the delivering timeout
    And Agent1 completes the chat with the customer
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role         | result    | reason  |
      | 1   | Agent1   | RoutedTo     | Completed |         |
      | 2   | Agent2   | InConference | Abandoned | Revoked |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason | IRF  |
      | 1   | Chat_Inbound | Received | Diverted |        | IRF1 |

  @id:chat-conference-revoked-visibility-unknown
  Scenario: The conference attempt fails before the visibility mode is known
    > For a failed chat consultation attempt, the resource role for the receiving agent
    > (Agent 2) will be either InConference (as shown in the Figure) or else ReceivedConsult,
    > depending on when the attempt failed — specifically, depending on whether the scenario
    > had advanced far enough for the visibility mode to be known.

    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 starts to conference in Agent2, before the visibility mode is known
    And Agent2 does not accept the invitation before the delivering timeout
    And Agent1 completes the chat with the customer
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role            | result    | reason  |
      | 1   | Agent1   | RoutedTo        | Completed |         |
      | 2   | Agent2   | ReceivedConsult | Abandoned | Revoked |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason | IRF  |
      | 1   | Chat_Inbound | Received | Diverted |        | IRF1 |

@chat @flow-8 @provisional
Feature: Chat conference through a queue

  The User's Guide lists this flow, but its section is empty: the 12/16/2025 page gives no
  narrative and no technical descriptors for it, and its diagram is missing.

  THE EXPECTED IRFS BELOW ARE A HYPOTHESIS, NOT TAKEN FROM THE USER'S GUIDE. They follow the
  project's domain notes (docs/domain.md, section 5):
  - Agent1 is RoutedTo/Completed: Agent1 stays in the chat and completes it.
  - The conference queue gets no IRF: a queue is a mediation resource, which gets an IRF only
    when the attempt ends in mediation; its time is recorded as a mediation segment
    (MEDIATION_SEGMENT_FACT), which this harness does not check yet.
  - Agent2 is InConference/Completed, as the agent conferenced in directly in section 1.5.
  This flow is reported as provisional, apart from verified conformance, until someone supplies
  the descriptors a real Info Mart records for it.

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.8 "Chat conference through a queue" (title only).

  @id:chat-conference-through-queue
  Scenario: Agent1 conferences the chat through a queue and a strategy brings in Agent2
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 conferences the chat through the interaction queue "Chat_Conference"
    And the strategy "RouteConferenceChat" routes the chat to Agent2
    And Agent2 accepts the invitation and chats with the customer
    And Agent1 ends the chat
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role         | result    | reason |
      | 1   | Agent1   | RoutedTo     | Completed |        |
      | 2   | Agent2   | InConference | Completed |        |

@chat @flow-8 @provisional
Feature: Chat conference through a queue

  The User's Guide lists this flow, but its section is empty: the 12/16/2025 page gives no
  narrative and no technical descriptors for it, and its diagram is missing.

  How the chat reaches Agent2 follows Genesys' documented interaction models. An agent who places
  a chat in a queue leaves it: "Place Interaction in Queue" reports EventPartyRemoved and
  EventPlacedInQueue even when the agent desktop asks
  (https://docs.genesys.com/Documentation/System/latest/GenEM/PlaceInteractioninQueue). An agent
  who conferences through a queue therefore stays in the chat and creates a separate internal
  invitation interaction (Genesys Web Services: InteractionSubtype InternalConferenceInvite, its
  target the queue); a strategy routes that invitation to Agent2, who then joins the customer's
  chat. Info Mart records the invitation as an interaction of its own, with its own GUID.

  THE EXPECTED FACTS BELOW ARE A HYPOTHESIS, NOT TAKEN FROM THE USER'S GUIDE, and no page shows
  the events of the invitation's last steps (how Agent2 moves from it into the chat):
  - The customer's chat: Agent1 is RoutedTo/Completed (Agent1 stays and completes it); Agent2 is
    InConference/Completed, as an agent conferenced in directly (section 1.5). Its one mediation
    segment is the inbound queue's, Received/Diverted, as in flow 1.
  - The internal invitation: Agent2 is RoutedTo/Completed (a strategy delivered it). The
    conference queue gets no MSF: GIM "always creates an MSF record for the first Interaction
    Queue that an inbound interaction enters", and the invitation is internal; any other placement
    in an interaction queue gets an MSF only when populate-mm-ixnqueue-facts is true (default
    false; https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow).
  This flow is reported as provisional, apart from verified conformance, until someone supplies
  the facts a real Info Mart records for it.

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
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason | IRF  |
      | 1   | Chat_Inbound | Received | Diverted |        | IRF1 |
    And for the internal invitation, Info Mart records exactly these IRFs:
      | IRF | resource | role     | result    | reason |
      | 1   | Agent2   | RoutedTo | Completed |        |
    And for the internal invitation, Info Mart records these mediation segments:
      | MSF | queue | role | result | reason | IRF |

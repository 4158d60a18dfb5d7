@chat @flow-7 @provisional
Feature: Chat consultation

  The User's Guide lists this flow, but its section is empty: the 12/16/2025 page gives no
  narrative and no technical descriptors for it, and its diagram is missing.

  What the sources do say about a chat consultation, and no more:
  - Section 1.6 (a failed conference attempt) says that for a failed chat consultation attempt
    the receiving agent's role "will be either InConference (as shown in the Figure) or else
    ReceivedConsult", depending on whether the visibility mode was known when the attempt
    failed. It says nothing of a consultation that succeeds.
  - The INTERACTION_RESOURCE_FACT table page says only that release 8.5.001 extended "some
    CONS_* fields" to chat consultations
    (https://docs.genesys.com/Documentation:PSAAS:RPRT:Table-INTERACTION_RESOURCE_FACT:Public).
    Which fields, and which descriptor the consulted agent's IRF carries, it does not say.

  THE EXPECTED IRFS BELOW ARE A HYPOTHESIS, NOT TAKEN FROM THE USER'S GUIDE. They follow the
  project's domain notes (docs/domain.md, section 5):
  - Agent1 is RoutedTo/Completed, as in every documented flow where the routed agent stays in
    the chat and completes it (sections 1.4 and 1.6).
  - Agent2 is ReceivedConsult/Completed: of the two roles section 1.6 allows for a consultation
    target, ReceivedConsult is the one that names a consultation; a real Info Mart may record
    InConference instead.
  This flow is reported as provisional, apart from verified conformance, until someone supplies
  the descriptors a real Info Mart records for it (the lab kit's checklist asks for them).

  Source: Genesys Info Mart User's Guide, "Chat Interactions" (12/16/2025), section 1.7 "Chat consultation" (title only) and section 1.6 "Agent's attempt to conference in another agent fails"; Genesys Info Mart INTERACTION_RESOURCE_FACT table, https://docs.genesys.com/Documentation:PSAAS:RPRT:Table-INTERACTION_RESOURCE_FACT:Public

  @id:chat-consultation-completed
  Scenario: Agent1 consults Agent2, then completes the chat
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 starts a chat consultation with Agent2
    And Agent2 accepts the invitation and chats with Agent1
    And Agent2 leaves the chat
    And Agent1 completes the chat with the customer
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role            | result    | reason |
      | 1   | Agent1   | RoutedTo        | Completed |        |
      | 2   | Agent2   | ReceivedConsult | Completed |        |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason | IRF  |
      | 1   | Chat_Inbound | Received | Diverted |        | IRF1 |

@chat @flow-12 @verified
Feature: Agent ends chat by placing it in a stop-interaction queue

  Not one of the User's Guide's chat diagrams: a flow that GIM's own documentation describes for
  multimedia deployments whose business process stops interactions through a queue. The queue is
  named in GIM's stop-ixn-queues option, recorded in the GIM configuration file
  (gim-config.yaml: gim.stop-ixn-queues), as the lab must set it:

  > When an interaction is placed into one of these queues, Genesys Info Mart considers the
  > interaction to be terminated. The transformation job assigns the technical result/reason
  > combination of COMPLETED/UNSPECIFIED in the IRF of the handling resource that placed the
  > interaction in the queue, and Genesys Info Mart excludes the interaction from further
  > processing. The agent who placed the interaction in the queue is represented as the party that
  > stopped the interaction, and the strategy that actually stops the interaction and performs any
  > associated post-processing is not represented in Genesys Info Mart reporting.

  Source: Genesys Info Mart User's Guide, "Multimedia interactions" (option stop-ixn-queues),
  https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow; GIM 8.5.015.19 release note,
  https://docs.genesys.com/Documentation/RN/8.5.x/gim85rn/gim8501519.

  The agent leaves as the chat is placed in the queue (Genesys Events and Models, "Place
  Interaction in Queue": EventPartyRemoved + EventPlacedInQueue,
  https://docs.genesys.com/Documentation/System/latest/GenEM/PlaceInteractioninQueue). Agent1 is
  the only IRF: the strategy that stops the chat is not represented, and neither is the stop queue.
  The inbound queue's mediation segment is the one every chat distributed to an agent gets
  (see flow 1): GIM always writes an MSF for the first interaction queue, and a queue that
  distributes a chat is Received/Diverted.

  @id:chat-stopped-in-stop-queue
  Scenario: Agent1 places the chat in the stop-interaction queue
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 ends the chat by placing it in the stop-interaction queue "Chat_Stop"
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result    | reason |
      | 1   | Agent1   | RoutedTo | Completed |        |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result   | reason | IRF  |
      | 1   | Chat_Inbound | Received | Diverted |        | IRF1 |

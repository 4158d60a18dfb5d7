/** Time passing with nothing happening, for flows where how long something waits matters. */
import { When } from "@cucumber/cucumber";
import type { ChatWorld } from "./support/world";

When("{int} seconds pass", function (this: ChatWorld, seconds: number) {
  this.chat.after(seconds);
});

/**
 * The typed World every step runs in: the scenario being run, the chat its steps tell (a
 * ChatScript), and the choice of system under test from cucumber's world parameters.
 */
import { setWorldConstructor, World } from "@cucumber/cucumber";
import type { Finding } from "../../src/allure/description-html";
import type { MsfRow } from "../../src/domain/msf";
import { ChatScript } from "../../src/flows/chat-script";
import type { GimConfig } from "../../src/gimconfig/gim-config";
import { gimConfigFile, loadGimConfig } from "../../src/gimconfig/gim-config-file";
import type { ScenarioRef, SutOptions } from "../../src/sut/system-under-test";

/** Without world parameters (a bare cucumber-js run) the reference classifier is checked. */
const DEFAULT_SUT: SutOptions = { sut: "reference" };

/** What `run` passes besides the system under test (src/run/run-features.ts). */
export interface RunParameters extends Partial<SutOptions> {
  /**
   * Provisional scenarios must match their hypothesis (`run --strict-provisional`). A bare
   * cucumber-js run is strict, as the project's own checks are: cucumber.js says so.
   */
  strictProvisional?: boolean;
  /** Allure results are written (allure-js-commons calls reach a reporter). Bare cucumber-js: yes. */
  allure?: boolean;
  /**
   * Some report shows attachments (Allure, cucumber's HTML or messages): the steps draw their
   * evidence (SVG comparison and timeline). Bare cucumber-js: yes.
   */
  evidence?: boolean;
}

/** Loaded once per run, on first use (`run --gim-config` sets GIM_CONFIG before the steps load). */
let gimConfig: GimConfig | undefined;

/** The configuration the Info Mart under test ran with (src/gimconfig/gim-config-file.ts). */
export function runGimConfig(): GimConfig {
  gimConfig ??= loadGimConfig(gimConfigFile()).config;
  return gimConfig;
}

export interface ScenarioInfo {
  /** The `@id` tag's slug; also the interaction id of the scenario's event log. */
  id: string;
  name: string;
  /** The feature file, for messages. */
  uri: string;
  /** Tagged @provisional: its expected IRFs are a hypothesis (domain.md §5). */
  provisional: boolean;
}

export class ChatWorld extends World<RunParameters> {
  private current: { info: ScenarioInfo; script: ChatScript } | undefined;
  /** The feature line of each row of the current step's data table, header first (table-lines.ts). */
  tableLines: readonly number[] = [];
  /** Set by the outcome step; the After hook fails a scenario that told a chat but checked nothing. */
  outcomeChecked = false;
  /**
   * What the IRF outcome step got from the system under test, for the mediation-segment step
   * that follows it: the recorded MSFs, or undefined when the back end has none to give.
   */
  recorded: Partial<Record<"chat" | "invite", { msfs: MsfRow[] | undefined }>> = {};
  /** The comparisons that did not conform, in step order: the report opens with them. */
  findings: Finding[] = [];
  /** The scenario's narrative (Markdown) as the Allure hook found it, to re-render with findings. */
  narrative = "";

  /** Called by the Before hook with the pickle's id, name and file. */
  begin(info: ScenarioInfo): void {
    this.current = { info, script: new ChatScript(info.id) };
  }

  /** False when the Before hook refused the scenario (e.g. no @id tag). */
  get begun(): boolean {
    return this.current !== undefined;
  }

  get scenario(): ScenarioInfo {
    return this.started().info;
  }

  /** The chat the scenario's steps tell. */
  get chat(): ChatScript {
    return this.started().script;
  }

  /** The scenario as the system under test is asked about it. */
  scenarioRef(): ScenarioRef {
    const { info, script } = this.started();
    return { id: info.id, name: info.name, interaction: script.interaction, events: script.events() };
  }

  get sutOptions(): SutOptions {
    const { strictProvisional: _policy, allure: _allure, evidence: _evidence, ...sut } = this.parameters;
    return { ...DEFAULT_SUT, ...sut, gimConfig: runGimConfig() };
  }

  /** Whether allure-js-commons calls go anywhere (RunParameters.allure). */
  get allure(): boolean {
    return this.parameters.allure !== false;
  }

  /** Whether a report will show the evidence attachments (RunParameters.evidence). */
  get evidence(): boolean {
    return this.parameters.evidence !== false;
  }

  /** A provisional difference fails the scenario only under this policy (summary.ts SummaryPolicy). */
  get strictProvisional(): boolean {
    return this.parameters.strictProvisional !== false;
  }

  private started(): { info: ScenarioInfo; script: ChatScript } {
    if (this.current === undefined)
      throw new Error("internal: the scenario hook did not run before the steps");
    return this.current;
  }
}

setWorldConstructor(ChatWorld);

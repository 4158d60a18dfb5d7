/**
 * Allure's executor block (`executor.json` in the results folder): which CI build produced the
 * report, with a link back to it, so a trend point in the report leads to its pipeline. Read from
 * the variables GitHub Actions, GitLab CI and Jenkins set; nothing is written outside CI.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";

export interface AllureExecutor {
  name: string;
  type: string;
  buildName?: string;
  buildOrder?: number;
  buildUrl?: string;
  reportUrl?: string;
  url?: string;
}

const order = (text: string | undefined) => {
  const n = Number(text);
  return text !== undefined && text !== "" && Number.isInteger(n) ? n : undefined;
};

/** The executor of the CI system the environment names, or undefined outside a known CI. */
export function executorFromEnv(env: NodeJS.ProcessEnv): AllureExecutor | undefined {
  if (env.GITHUB_ACTIONS === "true") {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    const repoUrl = env.GITHUB_REPOSITORY === undefined ? undefined : `${server}/${env.GITHUB_REPOSITORY}`;
    return compact({
      name: "GitHub Actions",
      type: "github",
      buildName: [env.GITHUB_WORKFLOW, env.GITHUB_RUN_NUMBER && `#${env.GITHUB_RUN_NUMBER}`]
        .filter(Boolean)
        .join(" "),
      buildOrder: order(env.GITHUB_RUN_NUMBER),
      buildUrl: repoUrl && env.GITHUB_RUN_ID ? `${repoUrl}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
      url: repoUrl,
    });
  }
  if (env.GITLAB_CI === "true") {
    return compact({
      name: "GitLab CI",
      type: "gitlab",
      buildName: [env.CI_PIPELINE_NAME ?? env.CI_JOB_NAME, env.CI_PIPELINE_IID && `#${env.CI_PIPELINE_IID}`]
        .filter(Boolean)
        .join(" "),
      buildOrder: order(env.CI_PIPELINE_IID),
      buildUrl: env.CI_PIPELINE_URL ?? env.CI_JOB_URL,
      url: env.CI_PROJECT_URL,
    });
  }
  if (env.JENKINS_URL !== undefined) {
    return compact({
      name: "Jenkins",
      type: "jenkins",
      buildName: env.BUILD_TAG ?? env.JOB_NAME,
      buildOrder: order(env.BUILD_NUMBER),
      buildUrl: env.BUILD_URL,
      url: env.JENKINS_URL,
    });
  }
  return undefined;
}

function compact(executor: AllureExecutor): AllureExecutor {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(executor))
    if (value !== undefined && value !== "") copy[key] = value;
  return copy as unknown as AllureExecutor;
}

/** Writes executor.json when the environment names a CI build; returns whether it did. */
export async function writeExecutor(resultsDir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const executor = executorFromEnv(env);
  if (executor === undefined) return false;
  await writeFile(path.join(resultsDir, "executor.json"), `${JSON.stringify(executor, null, 2)}\n`);
  return true;
}

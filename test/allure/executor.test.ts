/** Allure's executor block from the usual CI variables; nothing outside CI. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";
import { executorFromEnv, writeExecutor } from "../../src/allure/executor";

describe("Allure executor", () => {
  test("GitHub Actions: workflow and run number, link to the run", () => {
    expect(
      executorFromEnv({
        GITHUB_ACTIONS: "true",
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_REPOSITORY: "acme/gim",
        GITHUB_RUN_ID: "42",
        GITHUB_RUN_NUMBER: "7",
        GITHUB_WORKFLOW: "GIM upgrade gate",
      }),
    ).to.deep.equal({
      name: "GitHub Actions",
      type: "github",
      buildName: "GIM upgrade gate #7",
      buildOrder: 7,
      buildUrl: "https://github.com/acme/gim/actions/runs/42",
      url: "https://github.com/acme/gim",
    });
  });

  test("GitLab CI: pipeline iid and URL", () => {
    expect(
      executorFromEnv({
        GITLAB_CI: "true",
        CI_JOB_NAME: "gate",
        CI_PIPELINE_IID: "12",
        CI_PIPELINE_URL: "https://gitlab.example/acme/gim/-/pipelines/99",
        CI_PROJECT_URL: "https://gitlab.example/acme/gim",
      }),
    ).to.deep.equal({
      name: "GitLab CI",
      type: "gitlab",
      buildName: "gate #12",
      buildOrder: 12,
      buildUrl: "https://gitlab.example/acme/gim/-/pipelines/99",
      url: "https://gitlab.example/acme/gim",
    });
  });

  test("outside CI nothing is written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gim-executor-"));
    try {
      expect(await writeExecutor(dir, {})).to.equal(false);
      expect(await writeExecutor(dir, { JENKINS_URL: "https://ci/", BUILD_NUMBER: "3" })).to.equal(true);
      expect(JSON.parse(readFileSync(join(dir, "executor.json"), "utf8"))).to.include({
        type: "jenkins",
        buildOrder: 3,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

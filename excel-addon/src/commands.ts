// The ribbon's ExecuteFunction commands. They run in the shared runtime (the manifest's FunctionFile is
// taskpane.html), so a button can open the task pane at its view instead of at whatever was shown last.
// The names here are the manifest's <FunctionName>s; test/excel/manifest.test.ts keeps them in step.
import type { ViewId } from '../../sidebar/context';

export const VIEW_COMMANDS = {
  showPrioritize: 'prioritize',
  showPlan: 'plan',
  showScorecard: 'scorecard',
  showShare: 'share',
} as const satisfies Record<string, ViewId>;

export const INSERT_COMMAND = 'insertQuarterlyPlan';

export const COMMAND_NAMES: readonly string[] = [...Object.keys(VIEW_COMMANDS), INSERT_COMMAND];

export interface CommandHost {
  associate(name: string, handler: (event: { completed(): void }) => void): void;
  showPane(): Promise<void>;
  showView(view: ViewId): Promise<void>;
  insertQuarterlyPlan(): Promise<void>;
}

export function registerCommands(host: CommandHost): void {
  // event.completed() always runs: a command that never completes leaves the button spinning in Excel.
  const command = (work: () => Promise<void>) => (event: { completed(): void }) => {
    void work()
      .catch((e) => console.error(e))
      .finally(() => event.completed());
  };
  for (const [name, view] of Object.entries(VIEW_COMMANDS)) {
    host.associate(
      name,
      command(async () => {
        await host.showPane();
        await host.showView(view);
      }),
    );
  }
  host.associate(
    INSERT_COMMAND,
    command(async () => {
      await host.showPane();
      await host.showView('insert');
      await host.insertQuarterlyPlan();
    }),
  );
}

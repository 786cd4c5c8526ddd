// The player's entry point, on every page of the site: a view starts only where its container is
// (the 错题本 and 成绩汇总 pages bring their own scripts, wrongbookmain.js and groupmain.js).
// Published as one classic script (shuniu.web.join), so it also runs on pages opened from disk.
import { run } from "./app.js";
import { startPractice } from "./practice.js";
import { startExam } from "./exam.js";
import { startProgress } from "./progress.js";

const VIEWS = {
  "shuniu-practice": startPractice,
  "shuniu-exam": startExam,
  "shuniu-progress": startProgress,
};

for (const [id, start] of Object.entries(VIEWS)) {
  const container = document.getElementById(id);
  if (container) run(container, start);
}

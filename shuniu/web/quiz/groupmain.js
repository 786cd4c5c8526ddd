// The 成绩汇总 page's script (assets/shuniu/group-report.js), loaded only by that page: a leader's
// tool need not weigh on every learner's page (quiz.js's size budget).
import { run } from "./app.js";
import { startGroupReport } from "./groupview.js";

const container = document.getElementById("shuniu-group-report");
if (container) run(container, startGroupReport);

// The 错题本 page's script (assets/shuniu/wrongbook.js), loaded only by that page after ts-fsrs
// (assets/vendor/ts-fsrs/ts-fsrs.js): the scheduler's choice and FSRS stay out of quiz.js's budget.
import { run } from "./app.js";
import { startWrongbook } from "./wrongbook.js";

const container = document.getElementById("shuniu-wrongbook");
if (container) run(container, startWrongbook);

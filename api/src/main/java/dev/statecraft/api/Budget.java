package dev.statecraft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Caps what one execution of a {@link Workflow} may spend on language models: tokens (input plus
 * output, over every model call of every activity) and US dollars (at the model router's price
 * table). The model router ({@code statecraft-llm}) checks the cap before each model call and
 * refuses the call that would start past it with {@link BudgetExceeded}, so a runaway agent loop
 * stops with an error that names the budget.
 *
 * <pre>{@code
 * @Workflow
 * @Budget(tokens = 200_000, usd = 0.50)
 * public class ResearchAgent { ... }
 * }</pre>
 *
 * <p>A value of {@code 0} (the default) means no cap on that measure. How the running usage reaches
 * each activity call, and so what is enforced across activities, retries and resumes, is described
 * in {@code docs/llm-routing.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Budget {
  /** Most tokens (input plus output) one execution may use; {@code 0}: no cap. */
  long tokens() default 0;

  /** Most US dollars one execution may spend, at the router's prices; {@code 0}: no cap. */
  double usd() default 0;
}

package demo.agent;

/**
 * One step of the agent and the execution's running usage after it.
 *
 * @param note what the step found
 * @param target the target that answered
 * @param tokensSoFar the execution's tokens, this step included
 * @param usdSoFar the execution's cost, this step included
 */
public record Step(String note, String target, long tokensSoFar, double usdSoFar) {}

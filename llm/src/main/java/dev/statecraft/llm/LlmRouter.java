package dev.statecraft.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.statecraft.api.BudgetExceeded;
import dev.statecraft.api.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sends model calls along named routes, on LangChain4j: each route is an ordered list of {@code
 * provider:model} targets ({@link RouterConfig}), tried in order. A target that is rate limited
 * (429), times out, fails with a server error (5xx) or cannot be reached is passed over, and cooled
 * down for the config's {@code cooldown}, so the next calls go straight to the next target; any
 * other failure (a bad request, a bad key) ends the call with {@link ModelRequestRejected}. Every
 * answer says what happened ({@link ModelChoice}) and what it cost ({@link Usage}, priced by the
 * {@link PriceTable}); an {@link ExecutionBudget} stops calls once it is spent ({@link
 * BudgetExceeded}).
 *
 * <p>Keys are read with {@link Secrets#find}, inside the activity, when a target is first used; a
 * target whose key has no value is passed over. The {@code local:NAME} stand-in answers only
 * offline: when no target before it in the route has a key (or needs none), so a configured
 * deployment never gets canned answers because its real model failed.
 *
 * <pre>{@code
 * private static final LlmRouter ROUTER = LlmRouter.fromProject(Agent.class); // one per instance
 *
 * public Step think(Goal goal, long tokensSoFar, double usdSoFar) {
 *   LlmRouter.Session s =
 *       ROUTER.session(ExecutionBudget.of(Agent.class).spent(new Usage(tokensSoFar, 0, usdSoFar)));
 *   Answer a = s.chat("reasoning", SYSTEM, goal.text());
 *   return new Step(a.text(), a.choice().model(), s.used().totalTokens(), s.used().usd());
 * }
 * }</pre>
 */
public final class LlmRouter {
  private static final java.util.concurrent.atomic.AtomicBoolean STAND_IN_ANNOUNCED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final RouterConfig config;
  private final Cooldowns cooldowns;
  private final Function<String, Optional<String>> secrets;
  private final ConcurrentHashMap<Target, ChatModel> models = new ConcurrentHashMap<>();

  private LlmRouter(RouterConfig config, Clock clock, Function<String, Optional<String>> secrets) {
    this.config = config;
    this.cooldowns = new Cooldowns(clock, config.cooldown());
    this.secrets = secrets;
  }

  /**
   * The router over the project's {@code statecraft-llm.json} ({@link RouterConfig#find}, on the
   * thread's context class loader), with the environment, the system clock and {@link
   * Secrets#find}.
   */
  public static LlmRouter fromProject() {
    ClassLoader loader =
        Optional.ofNullable(Thread.currentThread().getContextClassLoader())
            .orElse(LlmRouter.class.getClassLoader());
    return builder(RouterConfig.find(loader, System.getenv())).build();
  }

  /**
   * Like {@link #fromProject()}, looking for the config on the class loader of {@code anchor}, a
   * class of the project (its activity implementation).
   */
  public static LlmRouter fromProject(Class<?> anchor) {
    return builder(RouterConfig.find(anchor.getClassLoader(), System.getenv())).build();
  }

  /** A router over {@code config}; set a clock or a secret source for tests. */
  public static Builder builder(RouterConfig config) {
    return new Builder(config);
  }

  /** The configuration this router routes by. */
  public RouterConfig config() {
    return config;
  }

  /** One call on {@code route} with no budget: a system prompt and a user message. */
  public Answer chat(String route, String system, String user) {
    return session(ExecutionBudget.UNLIMITED).chat(route, system, user);
  }

  /**
   * The calls of one activity invocation under {@code budget}: each call is checked against the
   * budget plus what the session's earlier calls spent.
   */
  public Session session(ExecutionBudget budget) {
    return new Session(budget);
  }

  /**
   * The model calls of one activity invocation, checked against an execution's budget. Return
   * {@link #used()} with the activity's result, so the workflow can pass the execution's running
   * usage to the next activity.
   */
  public final class Session {
    private ExecutionBudget budget;
    private Usage used = Usage.NONE;
    private final List<ModelChoice> choices = new ArrayList<>();

    private Session(ExecutionBudget budget) {
      this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** One call: a system prompt and a user message. */
    public Answer chat(String route, String system, String user) {
      return chat(
          route,
          ChatRequest.builder()
              .messages(SystemMessage.from(system), UserMessage.from(user))
              .build());
    }

    /**
     * One call with a full LangChain4j request (several messages, tools, parameters).
     *
     * @throws BudgetExceeded when the budget is spent before the call
     * @throws ModelsUnavailable when no target answered (worth a retry later)
     * @throws ModelRequestRejected when a target refused the request itself
     */
    public synchronized Answer chat(String route, ChatRequest request) {
      budget.check(route);
      Answer a = route(route, request);
      used = used.plus(a.usage());
      budget = budget.plus(a.usage());
      choices.add(a.choice());
      return a;
    }

    /** What this session's calls spent. */
    public synchronized Usage used() {
      return used;
    }

    /** The execution's usage: what it had spent before the session, plus {@link #used()}. */
    public synchronized Usage total() {
      return budget.used();
    }

    /** What the router did for each call, in order. */
    public synchronized List<ModelChoice> choices() {
      return List.copyOf(choices);
    }
  }

  private Answer route(String route, ChatRequest request) {
    List<Target> targets = config.route(route);
    List<Fallback> fallbacks = new ArrayList<>();
    List<Target> cooling = new ArrayList<>();
    boolean configured = false;
    for (Target t : targets) {
      ProviderSettings provider = config.providers().get(t.provider());
      boolean local = provider.kind().equals("local");
      if (local && configured) {
        fallbacks.add(new Fallback(t.toString(), "stand-in skipped: a real target is configured"));
        continue;
      }
      Optional<String> key = Optional.empty();
      if (provider.apiKeySecret().isPresent()) {
        key = secrets.apply(provider.apiKeySecret().get()).filter(k -> !k.isBlank());
        if (key.isEmpty()) {
          fallbacks.add(
              new Fallback(
                  t.toString(), "no key: " + provider.apiKeySecret().get() + " has no value"));
          continue;
        }
      }
      configured |= !local;
      Optional<Instant> until = cooldowns.coolingUntil(t);
      if (until.isPresent()) {
        fallbacks.add(new Fallback(t.toString(), "cooling down until " + until.get()));
        cooling.add(t);
        continue;
      }
      Optional<Answer> a = attempt(route, t, provider, key, request, fallbacks);
      if (a.isPresent()) {
        return a.get();
      }
    }
    // Every target that could answer is cooling down or just failed: rather than fail without
    // asking, ask the cooling ones once more, in route order.
    for (Target t : cooling) {
      fallbacks.removeIf(f -> f.target().equals(t.toString()));
      ProviderSettings provider = config.providers().get(t.provider());
      Optional<String> key = provider.apiKeySecret().flatMap(secrets);
      Optional<Answer> a = attempt(route, t, provider, key, request, fallbacks);
      if (a.isPresent()) {
        return a.get();
      }
    }
    StringBuilder why = new StringBuilder("no target of route '" + route + "' answered:");
    for (Fallback f : fallbacks) {
      why.append(' ').append(f.target()).append(" (").append(f.reason()).append(");");
    }
    throw new ModelsUnavailable(why.substring(0, why.length() - 1));
  }

  private Optional<Answer> attempt(
      String route,
      Target t,
      ProviderSettings provider,
      Optional<String> key,
      ChatRequest request,
      List<Fallback> fallbacks) {
    ChatModel model =
        models.computeIfAbsent(t, x -> ChatModels.build(x, provider, key, config.timeout()));
    ChatResponse response;
    try {
      response = model.chat(request);
    } catch (RuntimeException e) {
      Optional<String> reason = Failures.fallbackReason(e);
      if (reason.isEmpty()) {
        // Without the cause: a provider's message may quote the request, key included.
        throw new ModelRequestRejected(
            t + " refused the request on route '" + route + "': " + brief(e, key));
      }
      cooldowns.failed(t);
      fallbacks.add(new Fallback(t.toString(), reason.get()));
      return Optional.empty();
    }
    cooldowns.succeeded(t);
    if (provider.kind().equals("local") && STAND_IN_ANNOUNCED.compareAndSet(false, true)) {
      System.err.println(
          "[statecraft-llm] no target before "
              + t
              + " on route '"
              + route
              + "' has a key: answering with the deterministic local stand-in (model names start"
              + " with 'local-stand-in')");
    }
    TokenUsage tokens = response.tokenUsage();
    long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
    long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
    Usage usage = config.prices().usage(t, in, out);
    String text =
        response.aiMessage() == null || response.aiMessage().text() == null
            ? ""
            : response.aiMessage().text();
    String name =
        response.modelName() == null || response.modelName().isBlank()
            ? t.model()
            : response.modelName();
    return Optional.of(
        new Answer(text, name, new ModelChoice(route, t.toString(), fallbacks, usage), response));
  }

  /** The status and the provider's message, on one line and short. */
  private static String brief(Throwable e, Optional<String> key) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (key.isPresent()) {
      m = m.replace(key.get(), "[key withheld]");
    }
    java.util.OptionalInt status = Failures.status(e);
    String text = ((status.isPresent() ? status.getAsInt() + " " : "") + m).replaceAll("\\s+", " ");
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  /** Options of a router: its clock (for cooldowns) and where keys come from. */
  public static final class Builder {
    private final RouterConfig config;
    private Clock clock = Clock.systemUTC();
    private Function<String, Optional<String>> secrets = Secrets::find;

    private Builder(RouterConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The clock cooldowns are measured on. Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where a secret's value comes from. Default: {@link Secrets#find}. */
    public Builder secrets(Function<String, Optional<String>> secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /** Same as {@link #secrets(Function)} over a fixed map, for tests. */
    public Builder secrets(Map<String, String> values) {
      Map<String, String> copy = Map.copyOf(values);
      return secrets(name -> Optional.ofNullable(copy.get(name)));
    }

    public LlmRouter build() {
      return new LlmRouter(config, clock, secrets);
    }
  }
}

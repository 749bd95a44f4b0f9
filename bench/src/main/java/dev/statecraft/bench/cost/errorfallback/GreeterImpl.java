package dev.statecraft.bench.cost.errorfallback;

/** Fails for an empty name, as the AWS example's function fails on purpose. */
public class GreeterImpl implements Greeter {
  @Override
  public String greet(String name) {
    if (name.isEmpty()) {
      throw new CustomError("no name to greet");
    }
    return "Hello, " + name;
  }

  @Override
  public String fallback(String name, String reason) {
    return "Hello, stranger (" + reason + ")";
  }
}

package golden.switches;

public class RoutingImpl implements Routing {
  @Override
  public String assign(String team) {
    return team + "-oncall";
  }
}

package golden.shortcircuit;

public class ChecksImpl implements Checks {
  @Override
  public boolean isAllowed(String user) {
    return !user.isEmpty();
  }

  @Override
  public int quota(String user) {
    return user.length();
  }
}

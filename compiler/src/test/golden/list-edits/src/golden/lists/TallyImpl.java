package golden.lists;

public class TallyImpl implements Tally {
  @Override
  public void seen(String what) {}
}

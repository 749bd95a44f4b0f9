package golden.finallyexits;

public class EchoImpl implements Echo {
  @Override
  public String echo(String s) {
    return s;
  }
}

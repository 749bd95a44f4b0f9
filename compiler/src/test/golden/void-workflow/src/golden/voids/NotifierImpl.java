package golden.voids;

public class NotifierImpl implements Notifier {
  @Override
  public void ping(String message) {}

  @Override
  public String status() {
    return "ok";
  }
}

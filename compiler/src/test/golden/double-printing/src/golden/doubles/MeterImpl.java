package golden.doubles;

public class MeterImpl implements Meter {
  @Override
  public double read(double x) {
    return x / 7 + 0.1;
  }
}

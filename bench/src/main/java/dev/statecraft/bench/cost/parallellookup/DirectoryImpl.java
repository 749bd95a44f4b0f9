package dev.statecraft.bench.cost.parallellookup;

/** Made-up directory entries. */
public class DirectoryImpl implements Directory {
  @Override
  public String address(String person) {
    return person.length() + " Main Street";
  }

  @Override
  public String phone(String person) {
    return "+1 555 01" + person.length();
  }
}

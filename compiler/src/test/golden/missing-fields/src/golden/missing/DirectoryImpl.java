package golden.missing;

public class DirectoryImpl implements Directory {
  @Override
  public String owner(String repo) {
    return repo == null ? "nobody" : "team-" + repo;
  }
}

package golden.missing;

public class DirectoryImpl implements Directory {
  @Override
  public String owner(String repo) {
    if (repo != null && repo.equals("ghost")) {
      return null;
    }
    return repo == null ? "nobody" : "team-" + repo;
  }
}

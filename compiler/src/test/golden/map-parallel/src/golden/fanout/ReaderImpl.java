package golden.fanout;

public class ReaderImpl implements Reader {
  @Override
  public Page fetch(String url) {
    return new Page(url, url.length() * 10);
  }

  @Override
  public String summarize(Page page) {
    return page.url() + " has " + page.words() + " words";
  }

  @Override
  public String title(String url) {
    return url.toUpperCase();
  }
}

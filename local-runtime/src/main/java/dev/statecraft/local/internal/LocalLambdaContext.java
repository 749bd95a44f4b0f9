package dev.statecraft.local.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.statecraft.local.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** The {@link Context} an in-process Lambda handler sees; its logger writes to stderr. */
final class LocalLambdaContext implements Context {
  private static final LambdaLogger STDERR =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.println(new String(message, StandardCharsets.UTF_8));
        }
      };

  private final String requestId;
  private final String functionName;
  private final TimeSource time;
  private final Instant deadline;

  LocalLambdaContext(String requestId, String functionName, TimeSource time, Duration timeout) {
    this.requestId = requestId;
    this.functionName = functionName;
    this.time = time;
    this.deadline = time.now().plus(timeout == null ? Duration.ofMinutes(15) : timeout);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/[$LATEST]" + requestId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + Arns.REGION + ":" + Arns.ACCOUNT + ":function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long millis = Duration.between(time.now(), deadline).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis));
  }

  @Override
  public int getMemoryLimitInMB() {
    return 128;
  }

  @Override
  public LambdaLogger getLogger() {
    return STDERR;
  }
}

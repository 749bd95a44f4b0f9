package dev.statecraft.webhooks;

import java.util.Optional;

/**
 * Whether a request body fits the input type of the workflow it would start. A body that does not
 * fit is answered 400 and starts nothing. The host supplies a strict check, usually Jackson reading
 * the text as {@code inputType} with unknown properties refused:
 *
 * <pre>{@code
 * ObjectMapper strict = JsonMapper.builder()
 *     .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
 *     .build();
 * InputCheck check = (inputType, json) -> {
 *   try {
 *     strict.readValue(json, strict.getTypeFactory().constructFromCanonical(inputType));
 *     return Optional.empty();
 *   } catch (JsonProcessingException | IllegalArgumentException e) {
 *     return Optional.of(e.getOriginalMessage());
 *   }
 * };
 * }</pre>
 *
 * <p>The receiver asks only for workflows that take an input. The problem goes back to the sender
 * in the 400 response, cut to a few hundred characters, so it must not repeat the whole body.
 */
@FunctionalInterface
public interface InputCheck {
  /**
   * What is wrong with {@code json} as a value of {@code inputType}, or empty when it fits.
   *
   * @param inputType the workflow's input type as the manifest spells it, {@link
   *     dev.statecraft.manifest.WorkflowSpec#inputType()}, such as {@code com.example.Order}
   * @param json the execution input: the body, or the JSON object of a form-encoded body's fields
   */
  Optional<String> problem(String inputType, String json);
}

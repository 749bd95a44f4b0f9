/**
 * The callback route: {@code POST /callbacks/{workflow}/{wait}?token=TOKEN} answers the {@code
 * Durable.awaitCallback} wait that handed out {@code TOKEN}. {@link
 * dev.statecraft.callbacks.CallbackReceiver} is the front door; the local server and the AWS
 * callback Lambda are thin hosts around it.
 */
package dev.statecraft.callbacks;

package demo.approval;

/** What became of a request. */
public record Decision(String requestId, String status, String shipment) {}

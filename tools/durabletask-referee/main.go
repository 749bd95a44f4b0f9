// Command durabletask-referee runs Microsoft's Durable Task engine (durabletask-go, SQLite backend)
// as a gRPC sidecar for durabletask-java workers, the way the Azure Functions host's Durable Task
// extension serves the Java worker. Statecraft's Azure referee (module referee-azure) starts it to
// run the emitted Durable Functions orchestrators on a real engine.
//
// The engine is used as published; this main only wraps its Backend to
//   - count what Durable Functions bills, per orchestration instance and its sub-orchestrations
//     (served as JSON on GET /stats/{instanceId} of the -stats-port listener, so nobody needs to open
//     the SQLite task hub from a second connection, which wedges the backend with SQLITE_BUSY);
//   - optionally skip time (-timer-cap) so that tests of long waits run fast: a timer due later
//     than now+cap fires at now+cap instead, and from then on the instance's clock (the timestamp
//     of its OrchestratorStarted events, which durabletask-java's ctx.getCurrentInstant() reads)
//     runs ahead by the time skipped, so the orchestrator sees the timer fire when it was due;
//   - hand work to the engine's pollers as soon as it is queued (long polling), instead of the
//     engine's idle back-off of up to 5 seconds.
//
// It prints one line "listening grpc=HOST:PORT stats=HOST:PORT" once both listeners are bound.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/microsoft/durabletask-go/api"
	"github.com/microsoft/durabletask-go/backend"
	"github.com/microsoft/durabletask-go/backend/sqlite"
)

var (
	host        = flag.String("host", "127.0.0.1", "address to bind both listeners to")
	port        = flag.Int("port", 0, "gRPC port (0: any free port)")
	statsPort   = flag.Int("stats-port", 0, "HTTP port of the billing counts (0: any free port)")
	dbFilePath  = flag.String("db", "", "SQLite task hub file (empty: in memory)")
	timerCap    = flag.Duration("timer-cap", 0, "fire any durable timer at most this long after it is created (0: wall-clock timers)")
	parallelism = flag.Int("parallelism", 16, "work items of each kind the engine dispatches at once")
	verbose     = flag.Bool("verbose", false, "log the engine's info messages")
	pollEvery   = flag.Duration("poll", 2*time.Millisecond, "how often idle pollers look for work that became visible by time")
)

// stats is what one orchestration instance was billed, as Durable Functions bills it: each
// orchestrator episode (the first and every replay) is a function execution, each activity run is a
// function execution, and the history table grows by one row per history event.
type stats struct {
	OrchestratorExecutions int      `json:"orchestratorExecutions"`
	OrchestratorReplays    int      `json:"orchestratorReplays"`
	ReplayedEvents         int      `json:"replayedEvents"`
	OrchestratorAbandoned  int      `json:"orchestratorAbandoned"`
	ActivityExecutions     int      `json:"activityExecutions"`
	ActivityAbandoned      int      `json:"activityAbandoned"`
	HistoryEvents          int      `json:"historyEvents"`
	Instances              int      `json:"instances"`
	children               []string // sub-orchestration instance ids
}

type timerKey struct {
	instance string
	timer    int32
}

type countingBackend struct {
	backend.Backend
	mu    sync.Mutex
	byID  map[string]*stats
	wakeO chan struct{}
	wakeA chan struct{}
	cap   time.Duration
	// due is the original fire time of each shortened timer; ahead how far each instance's clock
	// runs ahead of the wall clock.
	due   map[timerKey]time.Time
	ahead map[string]time.Duration
}

func newCountingBackend(inner backend.Backend, timerCap time.Duration) *countingBackend {
	return &countingBackend{
		Backend: inner,
		byID:    map[string]*stats{},
		due:     map[timerKey]time.Time{},
		ahead:   map[string]time.Duration{},
		wakeO:   make(chan struct{}, 1),
		wakeA:   make(chan struct{}, 1),
		cap:     timerCap,
	}
}

func (b *countingBackend) entry(id string) *stats {
	s, ok := b.byID[id]
	if !ok {
		s = &stats{}
		b.byID[id] = s
	}
	return s
}

func wake(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

func (b *countingBackend) CreateOrchestrationInstance(ctx context.Context, e *backend.HistoryEvent, opts ...backend.OrchestrationIdReusePolicyOptions) error {
	err := b.Backend.CreateOrchestrationInstance(ctx, e, opts...)
	wake(b.wakeO)
	return err
}

func (b *countingBackend) AddNewOrchestrationEvent(ctx context.Context, iid api.InstanceID, e *backend.HistoryEvent) error {
	err := b.Backend.AddNewOrchestrationEvent(ctx, iid, e)
	wake(b.wakeO)
	return err
}

// poll asks the engine for work until there is some: on a wake-up signal at once, and at least
// every -poll for events that become visible by time (timers, abandoned work items).
func poll[T any](ctx context.Context, wakeUp chan struct{}, get func(context.Context) (T, error)) (T, error) {
	for {
		wi, err := get(ctx)
		if !errors.Is(err, backend.ErrNoWorkItems) {
			return wi, err
		}
		t := time.NewTimer(*pollEvery)
		select {
		case <-ctx.Done():
			t.Stop()
			var zero T
			return zero, ctx.Err()
		case <-wakeUp:
			t.Stop()
		case <-t.C:
		}
	}
}

func (b *countingBackend) GetOrchestrationWorkItem(ctx context.Context) (*backend.OrchestrationWorkItem, error) {
	return poll(ctx, b.wakeO, b.Backend.GetOrchestrationWorkItem)
}

func (b *countingBackend) GetActivityWorkItem(ctx context.Context) (*backend.ActivityWorkItem, error) {
	return poll(ctx, b.wakeA, b.Backend.GetActivityWorkItem)
}

func (b *countingBackend) CompleteOrchestrationWorkItem(ctx context.Context, wi *backend.OrchestrationWorkItem) error {
	if b.cap > 0 {
		latest := time.Now().Add(b.cap)
		for _, e := range wi.State.PendingTimers() {
			if tf := e.GetTimerFired(); tf != nil && tf.GetFireAt().AsTime().After(latest) {
				b.mu.Lock()
				b.due[timerKey{string(wi.InstanceID), tf.GetTimerId()}] = tf.GetFireAt().AsTime()
				b.mu.Unlock()
				tf.FireAt = timestamppb.New(latest)
			}
		}
	}
	// Counted before the engine commits, so that a client that sees the instance finished also
	// sees its counts; taken back if the commit fails.
	id := string(wi.InstanceID)
	old := len(wi.State.OldEvents())
	var children []string
	for _, m := range wi.State.PendingMessages() {
		if m.HistoryEvent.GetExecutionStarted() != nil {
			children = append(children, m.TargetInstanceID)
		}
	}
	b.mu.Lock()
	s := b.entry(id)
	before := *s
	s.OrchestratorExecutions++
	if old > 0 {
		s.OrchestratorReplays++
		s.ReplayedEvents += old
	}
	s.HistoryEvents = old + len(wi.State.NewEvents())
	s.children = append(s.children, children...)
	b.mu.Unlock()
	err := b.Backend.CompleteOrchestrationWorkItem(ctx, wi)
	if err != nil {
		b.mu.Lock()
		*s = before
		b.mu.Unlock()
		return err
	}
	if len(wi.State.PendingTasks()) > 0 {
		wake(b.wakeA)
	}
	if len(wi.State.PendingMessages()) > 0 {
		wake(b.wakeO)
	}
	return nil
}

func (b *countingBackend) AbandonOrchestrationWorkItem(ctx context.Context, wi *backend.OrchestrationWorkItem) error {
	err := b.Backend.AbandonOrchestrationWorkItem(ctx, wi)
	b.mu.Lock()
	b.entry(string(wi.InstanceID)).OrchestratorAbandoned++
	b.mu.Unlock()
	return err
}

func (b *countingBackend) CompleteActivityWorkItem(ctx context.Context, wi *backend.ActivityWorkItem) error {
	b.mu.Lock()
	b.entry(string(wi.InstanceID)).ActivityExecutions++
	b.mu.Unlock()
	err := b.Backend.CompleteActivityWorkItem(ctx, wi)
	if err != nil {
		b.mu.Lock()
		b.entry(string(wi.InstanceID)).ActivityExecutions--
		b.mu.Unlock()
		return err
	}
	wake(b.wakeO)
	return nil
}

func (b *countingBackend) AbandonActivityWorkItem(ctx context.Context, wi *backend.ActivityWorkItem) error {
	err := b.Backend.AbandonActivityWorkItem(ctx, wi)
	b.mu.Lock()
	b.entry(string(wi.InstanceID)).ActivityAbandoned++
	b.mu.Unlock()
	wake(b.wakeA)
	return err
}

// clockExecutor moves an instance's clock past each shortened timer when it fires: the
// TimerFired event gets its original fire time back, and the episode's OrchestratorStarted event
// the instance's skipped-ahead time.
type clockExecutor struct {
	backend.Executor
	b *countingBackend
}

func (x clockExecutor) ExecuteOrchestrator(ctx context.Context, iid api.InstanceID, oldEvents []*backend.HistoryEvent, newEvents []*backend.HistoryEvent) (*backend.ExecutionResults, error) {
	id := string(iid)
	now := time.Now()
	x.b.mu.Lock()
	for _, e := range newEvents {
		if tf := e.GetTimerFired(); tf != nil {
			k := timerKey{id, tf.GetTimerId()}
			if due, ok := x.b.due[k]; ok {
				delete(x.b.due, k)
				tf.FireAt = timestamppb.New(due)
				if skip := due.Sub(now); skip > x.b.ahead[id] {
					x.b.ahead[id] = skip
				}
			}
		}
	}
	ahead := x.b.ahead[id]
	x.b.mu.Unlock()
	if ahead > 0 {
		for _, e := range newEvents {
			if e.GetOrchestratorStarted() != nil && e.GetTimestamp() != nil {
				e.Timestamp = timestamppb.New(e.GetTimestamp().AsTime().Add(ahead))
			}
		}
	}
	return x.Executor.ExecuteOrchestrator(ctx, iid, oldEvents, newEvents)
}

// total adds an instance's counts to those of its sub-orchestrations, recursively.
func (b *countingBackend) total(id string) (stats, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var sum stats
	found := false
	seen := map[string]bool{}
	var add func(string)
	add = func(id string) {
		if seen[id] {
			return
		}
		seen[id] = true
		s, ok := b.byID[id]
		if !ok {
			return
		}
		found = true
		sum.OrchestratorExecutions += s.OrchestratorExecutions
		sum.OrchestratorReplays += s.OrchestratorReplays
		sum.ReplayedEvents += s.ReplayedEvents
		sum.OrchestratorAbandoned += s.OrchestratorAbandoned
		sum.ActivityExecutions += s.ActivityExecutions
		sum.ActivityAbandoned += s.ActivityAbandoned
		sum.HistoryEvents += s.HistoryEvents
		sum.Instances++
		for _, c := range s.children {
			add(c)
		}
	}
	add(id)
	return sum, found
}

// timedLogger logs everything with microseconds, to see where a run's time goes.
type timedLogger struct{ l *log.Logger }

func (t timedLogger) Debug(v ...any)                 { t.l.Print(append([]any{"DEBUG: "}, v...)...) }
func (t timedLogger) Debugf(format string, v ...any) { t.l.Printf("DEBUG: "+format, v...) }
func (t timedLogger) Info(v ...any)                  { t.l.Print(append([]any{"INFO: "}, v...)...) }
func (t timedLogger) Infof(format string, v ...any)  { t.l.Printf("INFO: "+format, v...) }
func (t timedLogger) Warn(v ...any)                  { t.l.Print(append([]any{"WARNING: "}, v...)...) }
func (t timedLogger) Warnf(format string, v ...any)  { t.l.Printf("WARNING: "+format, v...) }
func (t timedLogger) Error(v ...any)                 { t.l.Print(append([]any{"ERROR: "}, v...)...) }
func (t timedLogger) Errorf(format string, v ...any) { t.l.Printf("ERROR: "+format, v...) }

type quietLogger struct{ backend.Logger }

func (quietLogger) Info(...any)           {}
func (quietLogger) Infof(string, ...any)  {}
func (quietLogger) Debug(...any)          {}
func (quietLogger) Debugf(string, ...any) {}

func main() {
	flag.Parse()
	logger := backend.DefaultLogger()
	if *verbose {
		logger = timedLogger{log.New(os.Stderr, "", log.LstdFlags|log.Lmicroseconds)}
	} else {
		logger = quietLogger{logger}
	}
	ctx := context.Background()

	counting := newCountingBackend(sqlite.NewSqliteBackend(sqlite.NewSqliteOptions(*dbFilePath), logger), *timerCap)

	grpcServer := grpc.NewServer()
	grpcExecutor, register := backend.NewGrpcExecutor(counting, logger)
	register(grpcServer)
	executor := clockExecutor{grpcExecutor, counting}
	par := backend.WithMaxParallelism(int32(*parallelism))
	worker := backend.NewTaskHubWorker(counting,
		backend.NewOrchestrationWorker(counting, executor, logger, par),
		backend.NewActivityTaskWorker(counting, executor, logger, par),
		logger)
	if err := worker.Start(ctx); err != nil {
		log.Fatalf("failed to start the task hub worker: %v", err)
	}

	grpcListener, err := net.Listen("tcp", fmt.Sprintf("%s:%d", *host, *port))
	if err != nil {
		log.Fatalf("failed to listen for gRPC: %v", err)
	}
	statsListener, err := net.Listen("tcp", fmt.Sprintf("%s:%d", *host, *statsPort))
	if err != nil {
		log.Fatalf("failed to listen for stats: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/stats/", func(w http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/stats/")
		s, ok := counting.total(id)
		if !ok {
			http.Error(w, "no such instance", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s)
	})
	go func() {
		if err := http.Serve(statsListener, mux); err != nil {
			log.Fatalf("stats server: %v", err)
		}
	}()
	fmt.Printf("listening grpc=%s stats=%s\n", grpcListener.Addr(), statsListener.Addr())
	_ = os.Stdout.Sync()
	if err := grpcServer.Serve(grpcListener); err != nil {
		log.Fatalf("gRPC server: %v", err)
	}
}

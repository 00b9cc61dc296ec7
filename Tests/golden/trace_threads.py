import sys, threading
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "work":
        events.append((threading.current_thread().name, event, frame.f_lineno - first))
    return tracer
def work():
    x = 1
    return x + 1
first = work.__code__.co_firstlineno
threading.settrace(tracer)
t = threading.Thread(target=work, name="traced")
t.start(); t.join()
threading.settrace(None)
print(events)
print(threading.gettrace())
profiled = []
def prof(frame, event, arg):
    if event in ("call", "return") and frame.f_code.co_name == "work":
        profiled.append(event)
threading.setprofile(prof)
t = threading.Thread(target=work); t.start(); t.join()
threading.setprofile(None)
print(profiled)
hits = []
def all_tracer(frame, event, arg):
    if frame.f_code.co_name == "spin" and event == "call":
        hits.append(threading.current_thread().name)
    return None
go = threading.Event(); ready = threading.Event()
def spin():
    return 1
def waiter():
    ready.set(); go.wait(); spin()
w = threading.Thread(target=waiter, name="running"); w.start(); ready.wait()
threading.settrace_all_threads(all_tracer)
go.set(); w.join(); spin()
threading.settrace_all_threads(None)
print(sorted(hits), sys.gettrace())

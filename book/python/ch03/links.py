import gc

class Link:
    def __init__(self, next_link=None):
        self.next_link = next_link

gc.disable()
gc.collect()

link_3 = Link()
link_2 = Link(link_3)
link_1 = Link(link_2)
link_3.next_link = link_1   # a three-link cycle...
A = link_1                  # ...that the name A keeps reachable
del link_1, link_2, link_3

link_4 = Link()
link_4.next_link = link_4   # a cycle of one, that nothing else refers to
del link_4

print("gc.collect() ->", gc.collect())
print("A.next_link.next_link.next_link is A:", A.next_link.next_link.next_link is A)

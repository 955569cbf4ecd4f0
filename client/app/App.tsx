import { BoardPage } from './BoardPage.tsx';
import { MessagePage } from './MessagePage.tsx';
import { parseRoute, usePathname } from './route.ts';
import { StartPage } from './StartPage.tsx';

export function App() {
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'board':
      return <BoardPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'not-found':
      return <MessagePage title="Page not found" message="There is nothing at this address." />;
  }
}
